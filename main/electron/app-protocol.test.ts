import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  appPageUrl,
  createAppRequestHandler,
  isAppUrl,
  mimeTypeFor,
  resolveAppRequest,
} from './app-protocol.js';

let dir: string;
let root: string;
const CSP = "default-src 'self'";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'app-protocol-'));
  root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>IOC</title>');
  await writeFile(path.join(root, 'assets', 'app-1.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'tỉnh thành.geojson'), '{}');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the root');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const handler = () => createAppRequestHandler({ root, contentSecurityPolicy: () => CSP });
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

describe('app:// handler', () => {
  it('serves index.html with the CSP and a correct type', async () => {
    const response = await get('app://ioc-wall/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>IOC</title>');
  });

  it('serves index.html for the bare origin, hash routes included', async () => {
    expect((await get('app://ioc-wall/')).headers.get('content-type')).toMatch(/^text\/html/);
    expect((await get('app://ioc-wall')).status).toBe(200);
    expect((await get(appPageUrl('/wall/wall-1'))).status).toBe(200);
  });

  it('serves scripts as JavaScript, without a CSP header of their own', async () => {
    const response = await get('app://ioc-wall/assets/app-1.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('decodes percent-encoded names', async () => {
    const response = await get(`app://ioc-wall/assets/${encodeURIComponent('tỉnh thành.geojson')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
  });

  it('answers 404 for missing files and directories', async () => {
    expect((await get('app://ioc-wall/nope.js')).status).toBe(404);
    expect((await get('app://ioc-wall/assets')).status).toBe(404);
  });

  it('refuses every way out of the root', async () => {
    for (const url of [
      'app://ioc-wall/../secret.txt',
      'app://ioc-wall/assets/../../secret.txt',
      'app://ioc-wall/%2e%2e/secret.txt',
      'app://ioc-wall/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      'app://ioc-wall/..%2fsecret.txt',
      'app://ioc-wall/..%5csecret.txt',
      'app://ioc-wall/assets%2f..%2f..%2fsecret.txt',
      'app://ioc-wall/index.html%00.js',
      'app://ioc-wall//etc/passwd',
    ]) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain('outside the root');
    }
  });

  it('answers 404 for another host and 400 for broken encoding', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://ioc-wall/%E0%A4%A.js')).status).toBe(400);
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://ioc-wall/index.html', 'POST')).status).toBe(405);
    const head = await get('app://ioc-wall/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 500 without details when reading fails otherwise', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = createAppRequestHandler({
      root,
      contentSecurityPolicy: () => CSP,
      read: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    });
    const response = await failing(new Request('app://ioc-wall/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(root);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('reads the CSP per request, since the bridge URL arrives later', async () => {
    let csp = 'first';
    const live = createAppRequestHandler({ root, contentSecurityPolicy: () => csp });
    expect((await live(new Request('app://ioc-wall/'))).headers.get('content-security-policy')).toBe('first');
    csp = 'second';
    expect((await live(new Request('app://ioc-wall/'))).headers.get('content-security-policy')).toBe('second');
  });
});

describe('resolveAppRequest', () => {
  it('maps URLs to files under the root', () => {
    expect(resolveAppRequest('/r', 'app://ioc-wall/assets/a.css')).toEqual({ file: path.resolve('/r/assets/a.css') });
    expect(resolveAppRequest('/r', 'app://ioc-wall/assets/')).toEqual({ file: path.resolve('/r/assets/index.html') });
  });
});

describe('app scheme', () => {
  it('is standard, secure and fetchable, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('recognises only our own pages', () => {
    expect(isAppUrl('app://ioc-wall/index.html#/console')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://ioc-wall/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('knows the types the bundle ships, and falls back to octet-stream', () => {
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('Makefile')).toBe('application/octet-stream');
  });
});
