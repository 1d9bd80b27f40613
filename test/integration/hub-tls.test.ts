// TLS between host and hub, with a CA and certificates made at test time by openssl: a host given the hub's CA
// connects over wss; a host given another CA refuses the hub (and says why); a plain http hub on another
// machine is refused before anything starts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import type { RunningHost } from '../../main/host/host.js';
import { runCli } from '../support/cli-process.js';
import { enrolDevice, UNCHECKED_CREDENTIAL } from '../support/hub-identity.js';
import { startTestHost, until } from '../support/start-test-host.js';

const dir = mkdtempSync(join(tmpdir(), 'ioc-tls-'));
const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA, and a certificate for 127.0.0.1 signed by it. */
function makeCa(name: string): void {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    file(`${name}.key`),
    '-out',
    file(`${name}.pem`),
  );
}

let hub: RunningHub;
const hosts: RunningHost[] = [];

beforeAll(async () => {
  makeCa('ca');
  makeCa('other-ca');
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=hub',
    '-keyout',
    file('hub.key'),
    '-out',
    file('hub.csr'),
  );
  writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('hub.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('san.ext'),
    '-out',
    file('hub.pem'),
  );
  hub = await startHub({
    port: 0,
    logFile: null,
    demo: true,
    version: 't',
    logger: createLogger('hub', 'error'),
    tls: { cert: readFileSync(file('hub.pem'), 'utf8'), key: readFileSync(file('hub.key'), 'utf8') },
  });
});
afterAll(async () => {
  for (const h of hosts) await h.close();
  await hub?.close();
});

describe('TLS to the hub', () => {
  it('serves https only', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(hub.url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
  });

  it('connects a host that trusts the hub CA, over wss', async () => {
    const host = await startTestHost({ hub: hub.url, hubCa: file('ca.pem'), credential: enrolDevice(hub, 'tls-wall') });
    hosts.push(host);
    const feed = await until('the feed connected over TLS', () => {
      const s = host.status().feed;
      return s.state === 'connected' && (s.topics['econ.live']?.offset ?? 0) > 0 ? s : undefined;
    });
    expect(feed.state).toBe('connected');
  });

  it('refuses the hub when the host was given another CA, and says why', async () => {
    const host = await startTestHost({ hub: hub.url, hubCa: file('other-ca.pem'), credential: UNCHECKED_CREDENTIAL });
    hosts.push(host);
    const error = await until('a certificate error', () => host.status().feed.lastError ?? undefined);
    expect(error).toMatch(/certificate|self.signed|unable to verify/i);
    expect(host.status().feed.state).not.toBe('connected');
  });

  it('refuses a plain http hub on another machine before anything starts', async () => {
    const run = runCli([
      'start',
      '--shell',
      'headless',
      '--port',
      '0',
      '--hub',
      'http://hub.ioc.invalid:4181',
      '--hub-credential',
      join(dir, 'never-read.json'),
      '--data-dir',
      join(dir, 'refused'),
    ]);
    expect(await run.exited()).toBe(2);
    expect(run.stderr()).toMatch(/unencrypted.*--insecure-hub/s);
  });
});
