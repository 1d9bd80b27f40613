import { describe, expect, it } from 'vitest';
import { hubUrls, StartOptions } from './start-options';

const parse = (extra: Record<string, unknown>) =>
  StartOptions.safeParse({ dataDir: '/tmp/x', hubCredential: '/tmp/x/console.json', ...extra });

describe('a hub on another machine', () => {
  it('is refused over plain http, saying why and what to do', () => {
    const r = parse({ hub: 'http://10.1.2.3:4181' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/unencrypted.*--tls-cert.*--insecure-hub/);
  });

  it('is accepted over https, over plain http on loopback, or with --insecure-hub', () => {
    for (const hub of ['https://hub.ioc.local:4181', 'http://127.0.0.1:4181', 'http://localhost:4181', 'embedded']) {
      expect([hub, parse({ hub }).success]).toEqual([hub, true]);
    }
    expect(parse({ hub: 'http://hub.ioc.local:4181', insecureHub: true }).success).toBe(true);
  });
});

describe('the idle lock', () => {
  it('is 15 minutes unless given, and refuses what is not a whole number of minutes', () => {
    expect(parse({}).data?.idleLockMinutes).toBe(15);
    expect(parse({ idleLockMinutes: '5' }).data?.idleLockMinutes).toBe(5);
    for (const bad of ['0', '-3', '1.5', 'soon', String(24 * 60 + 1)]) {
      expect([bad, parse({ idleLockMinutes: bad }).success]).toEqual([bad, false]);
    }
  });
});

describe('the device credential', () => {
  it('is required for a hub given by URL, saying how to make one; the embedded hub makes its own', () => {
    const r = StartOptions.safeParse({ dataDir: '/tmp/x', hub: 'https://hub.ioc.local:4181' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/--hub-credential FILE.*hub device add/);
    expect(StartOptions.safeParse({ dataDir: '/tmp/x', hub: 'embedded' }).success).toBe(true);
  });
});

describe('demo data', () => {
  it('is off unless --demo, and only for the embedded hub', () => {
    expect(parse({}).data?.demo).toBe(false);
    expect(parse({ demo: true }).data?.demo).toBe(true);
    const r = parse({ hub: 'https://hub.ioc.local:4181', demo: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['demo']);
  });
});

describe('several hubs (--hub URL1,URL2,…)', () => {
  it('are a comma-separated list of http(s) URLs, each held to the same TLS rule', () => {
    const r = parse({ hub: 'https://hub-a.ioc.local:4181,https://hub-b.ioc.local:4181' });
    expect(r.success).toBe(true);
    expect(hubUrls(r.data!.hub)).toEqual(['https://hub-a.ioc.local:4181', 'https://hub-b.ioc.local:4181']);
    const plain = parse({ hub: 'https://hub-a.ioc.local:4181,http://10.1.2.3:4181' });
    expect(JSON.stringify(plain.error?.issues)).toMatch(/10\.1\.2\.3.*unencrypted/);
  });

  it('refuses an empty entry, another scheme or a hub given twice, saying which', () => {
    for (const [hub, why] of [
      ['http://127.0.0.1:1,', /\(empty\) is not an http/],
      ['ftp://127.0.0.1:1', /ftp:\/\/127\.0\.0\.1:1 is not an http/],
      ['http://127.0.0.1:1,http://127.0.0.1:1', /given twice/],
    ] as const) {
      const r = parse({ hub });
      expect([hub, r.success]).toEqual([hub, false]);
      expect(JSON.stringify(r.error?.issues)).toMatch(why);
    }
  });

  it('count a hub stalled after 10 s of silence unless --hub-stall-s says otherwise', () => {
    expect(parse({}).data?.hubStallS).toBe(10);
    expect(parse({ hubStallS: '3' }).data?.hubStallS).toBe(3);
    for (const bad of ['0', '1', '2.5', 'x', '601'])
      expect([bad, parse({ hubStallS: bad }).success]).toEqual([bad, false]);
  });
});
