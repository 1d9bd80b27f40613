import { describe, expect, it } from 'vitest';
import { LAUNCH_CODE, paramInAddress, resolveBridgeParams, withoutParam } from './bridge-params';

const TOKEN = 'abcdefghijklmnop_1234';

describe('resolveBridgeParams', () => {
  it('takes the preload object in Electron', () => {
    const r = resolveBridgeParams({
      preload: { bridgeUrl: 'http://127.0.0.1:4100', token: TOKEN, surfaceId: 'wall-1' },
      href: 'app://ioc-wall/index.html#/wall/wall-1',
      storedToken: null,
    });
    expect(r).toEqual({
      ok: true,
      source: 'preload',
      cleanHref: null,
      params: { bridgeUrl: 'http://127.0.0.1:4100', token: TOKEN, surfaceId: 'wall-1' },
    });
  });

  it('refuses a malformed preload object instead of falling back to the address', () => {
    const r = resolveBridgeParams({
      preload: { bridgeUrl: 'not a url', token: 'short' },
      href: `http://127.0.0.1:4100/?token=${TOKEN}`,
      storedToken: null,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('invalid');
      expect(r.detail).toMatch(/bridgeUrl/);
      expect(r.detail).toMatch(/token/);
    }
  });

  it('takes origin and ?token= from the address in a browser, and says how to clean the address', () => {
    const r = resolveBridgeParams({
      preload: undefined,
      href: `http://127.0.0.1:4100/?token=${TOKEN}#/wall/wall-2`,
      storedToken: null,
    });
    expect(r).toEqual({
      ok: true,
      source: 'address',
      cleanHref: 'http://127.0.0.1:4100/#/wall/wall-2',
      params: { bridgeUrl: 'http://127.0.0.1:4100', token: TOKEN },
    });
  });

  it('finds a token inside the hash too', () => {
    const r = resolveBridgeParams({
      preload: undefined,
      href: `http://127.0.0.1:4100/#/console?token=${TOKEN}`,
      storedToken: null,
    });
    expect(r.ok && r.params.token).toBe(TOKEN);
    expect(r.ok && r.cleanHref).toBe('http://127.0.0.1:4100/#/console');
  });

  it('falls back to the token kept in sessionStorage after a reload', () => {
    const r = resolveBridgeParams({ preload: undefined, href: 'http://127.0.0.1:4100/#/console', storedToken: TOKEN });
    expect(r).toMatchObject({ ok: true, source: 'session', cleanHref: null, params: { token: TOKEN } });
  });

  it('prefers a token in the address over a stored one (a new host launch)', () => {
    const r = resolveBridgeParams({
      preload: undefined,
      href: `http://127.0.0.1:4100/?token=${TOKEN}`,
      storedToken: 'oldoldoldoldoldold',
    });
    expect(r.ok && r.params.token).toBe(TOKEN);
  });

  it('reports a missing token', () => {
    const r = resolveBridgeParams({ preload: undefined, href: 'http://127.0.0.1:4100/#/console', storedToken: null });
    expect(r).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('rejects a token of the wrong shape', () => {
    const r = resolveBridgeParams({
      preload: undefined,
      href: 'http://127.0.0.1:4100/?token=a%20b',
      storedToken: null,
    });
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('cannot find a bridge from an opaque origin without the preload', () => {
    const r = resolveBridgeParams({
      preload: undefined,
      href: `file:///x/index.html?token=${TOKEN}`,
      storedToken: null,
    });
    expect(r).toMatchObject({ ok: false, reason: 'missing' });
  });
});

describe('address helpers', () => {
  it('reads and removes tokens, keeping other parameters', () => {
    expect(paramInAddress('http://h/?a=1&token=xyz')).toBe('xyz');
    expect(paramInAddress('http://h/#/wall/w?token=xyz')).toBe('xyz');
    expect(paramInAddress('http://h/#/wall/w')).toBeNull();
    expect(withoutParam('http://h/?a=1&token=xyz#/wall/w?token=q&b=2')).toBe('http://h/?a=1#/wall/w?b=2');
  });

  it('reads and removes a launch code without touching the token', () => {
    expect(paramInAddress('http://h/?code=abc#/wall/w', LAUNCH_CODE)).toBe('abc');
    expect(paramInAddress('http://h/?code=abc#/wall/w')).toBeNull();
    expect(withoutParam('http://h/?code=abc&token=t#/wall/w', LAUNCH_CODE)).toBe('http://h/?token=t#/wall/w');
  });
});
