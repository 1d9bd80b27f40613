import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from './request-policy.js';

const BRIDGE = 'http://127.0.0.1:41234/';

describe('isAllowedRequest', () => {
  it('allows the bundle, inline data and the bridge (http and websocket)', () => {
    expect(isAllowedRequest('app://ioc-wall/assets/a.js', BRIDGE)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', BRIDGE)).toBe(true);
    expect(isAllowedRequest('blob:app://ioc-wall/123', BRIDGE)).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1:41234/socket.io/?EIO=4&transport=polling', BRIDGE)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:41234/socket.io/?EIO=4&transport=websocket', BRIDGE)).toBe(true);
  });

  it('blocks everything else', () => {
    for (const url of [
      'http://127.0.0.1:41235/',
      'http://localhost:41234/',
      'https://127.0.0.1:41234/',
      'https://tile.openstreetmap.org/1/1/1.png',
      'file:///etc/passwd',
      'app://elsewhere/x',
      'not a url',
    ]) {
      expect(isAllowedRequest(url, BRIDGE), url).toBe(false);
    }
  });

  it('allows the video origins the site named, and only those', () => {
    const media = ['http://10.0.5.20:8080'];
    expect(isAllowedRequest('http://10.0.5.20:8080/cam1/index.m3u8', BRIDGE, media)).toBe(true);
    expect(isAllowedRequest('http://10.0.5.20:8081/cam1/index.m3u8', BRIDGE, media)).toBe(false);
    expect(isAllowedRequest('https://10.0.5.20:8080/cam1/index.m3u8', BRIDGE, media)).toBe(false);
    expect(isAllowedRequest('http://10.0.5.20:8080/cam1/index.m3u8', BRIDGE)).toBe(false);
  });

  it('allows no network before the bridge is known', () => {
    expect(isAllowedRequest('http://127.0.0.1:41234/', null)).toBe(false);
    expect(isAllowedRequest('app://ioc-wall/index.html', null)).toBe(true);
  });
});
