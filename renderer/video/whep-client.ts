// The HTTP half of WHEP (RFC 9725): POST the SDP offer, read the answer and the session's resource URL. Kept
// apart from RTCPeerConnection so that it can be tested without a browser.

export interface WhepAnswer {
  readonly sdp: string;
  /** URL of the session on the server, to DELETE when done (absent if the server gave none). */
  readonly resource: string | null;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export async function postWhepOffer(
  endpoint: string,
  offerSdp: string,
  fetcher: FetchLike,
  signal?: AbortSignal,
): Promise<WhepAnswer> {
  const response = await fetcher(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/sdp' },
    body: offerSdp,
    signal,
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`WHEP server answered ${response.status} ${response.statusText}`.trim());
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/sdp')) {
    throw new Error(`WHEP answer is "${type || 'untyped'}", not application/sdp`);
  }
  const sdp = await response.text();
  if (!sdp.startsWith('v=0')) throw new Error('WHEP answer is not an SDP description');
  const location = response.headers.get('location');
  return { sdp, resource: location ? new URL(location, endpoint).href : null };
}
