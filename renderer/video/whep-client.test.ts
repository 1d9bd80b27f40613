import { describe, expect, it, vi } from 'vitest';
import { postWhepOffer, type FetchLike } from './whep-client';

const ANSWER = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n';

describe('postWhepOffer', () => {
  it('posts the offer as application/sdp and resolves the session resource against the endpoint', async () => {
    const fetcher = vi.fn<FetchLike>(
      async () =>
        new Response(ANSWER, {
          status: 201,
          headers: { 'content-type': 'application/sdp', location: '/whep/session/42' },
        }),
    );
    const answer = await postWhepOffer('http://cam.local:8889/cam1/whep', 'v=0 offer', fetcher);
    expect(answer).toEqual({ sdp: ANSWER, resource: 'http://cam.local:8889/whep/session/42' });
    const [url, init] = fetcher.mock.calls[0] ?? [];
    expect(url).toBe('http://cam.local:8889/cam1/whep');
    expect(init).toMatchObject({ method: 'POST', body: 'v=0 offer', headers: { 'content-type': 'application/sdp' } });
  });

  it('refuses an error status, a wrong content type and a body that is not SDP', async () => {
    const reply = (body: string, status: number, type: string): FetchLike => {
      return async () => new Response(body, { status, headers: { 'content-type': type } });
    };
    await expect(postWhepOffer('http://x/whep', 'o', reply('no', 404, 'text/plain'))).rejects.toThrow(/404/);
    await expect(postWhepOffer('http://x/whep', 'o', reply(ANSWER, 201, 'text/html'))).rejects.toThrow(/text\/html/);
    await expect(postWhepOffer('http://x/whep', 'o', reply('hello', 201, 'application/sdp'))).rejects.toThrow(/SDP/);
  });

  it('has no resource when the server gives no Location', async () => {
    const fetcher: FetchLike = async () =>
      new Response(ANSWER, { status: 201, headers: { 'content-type': 'application/sdp' } });
    expect((await postWhepOffer('http://x/whep', 'o', fetcher)).resource).toBeNull();
  });
});
