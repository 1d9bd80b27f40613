import { describe, expect, it } from 'vitest';
import { bridgeConnectSources, buildContentSecurityPolicy } from './csp.js';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name as string, sources];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('allows the bundle and exactly the bridge origin, over http and websocket', () => {
    const csp = buildContentSecurityPolicy('http://127.0.0.1:41234/');
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self' data:; " +
        "img-src 'self' data: blob:; media-src 'self' blob:; " +
        "connect-src 'self' http://127.0.0.1:41234 ws://127.0.0.1:41234; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or eval script, or any wildcard', () => {
    const csp = buildContentSecurityPolicy('http://127.0.0.1:41234');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives(csp).get('script-src')).toEqual(["'self'"]);
  });

  it('drops path, query and token from the bridge URL', () => {
    const csp = buildContentSecurityPolicy('http://127.0.0.1:5000/socket.io/?token=abc');
    expect(directives(csp).get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:5000', 'ws://127.0.0.1:5000']);
    expect(csp).not.toContain('abc');
  });

  it('lets video through from exactly the origins the site named, as images, media and connections', () => {
    const csp = directives(buildContentSecurityPolicy('http://127.0.0.1:41234', ['http://10.0.5.20:8080']));
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'http://10.0.5.20:8080']);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'http://10.0.5.20:8080']);
    expect(csp.get('connect-src')).toContain('http://10.0.5.20:8080');
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('pairs https with wss', () => {
    expect(bridgeConnectSources('https://localhost:8443')).toEqual(['https://localhost:8443', 'wss://localhost:8443']);
  });

  it('gives no network at all before the bridge is known', () => {
    expect(directives(buildContentSecurityPolicy(null)).get('connect-src')).toEqual(["'self'"]);
  });

  it('refuses a bridge that is not http(s)', () => {
    expect(() => buildContentSecurityPolicy('file:///etc/passwd')).toThrow(/http or https/);
    expect(() => buildContentSecurityPolicy('not a url')).toThrow();
  });
});
