// The host's own surface on loopback, as a stranger on this machine meets it: a page under another name (DNS
// rebinding) is refused, /api/status tells a caller without the token only who answers, a window's one-time
// launch code is worth the token once, and what the host writes to disk is its user's alone.
import { request } from 'node:http';
import { mkdtempSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostStatus } from '../../src/contract/host-status.js';
import type { RunningHost } from '../../main/host/host.js';
import { runCli } from '../support/cli-process.js';
import { startTestHost } from '../support/start-test-host.js';

let host: RunningHost;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.close();
});

/** A GET with a Host header of our choosing (fetch will not let a caller set it). */
function getWithHost(path: string, hostHeader: string): Promise<number> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const redeem = (code: string) => fetch(`${host.origin}/api/launch-code`, { method: 'POST', body: code });

describe("the host's loopback surface", () => {
  it('refuses a Host header that is not its loopback address (DNS rebinding)', async () => {
    const port = new URL(host.origin).port;
    expect(await getWithHost('/healthz', 'evil.example')).toBe(403);
    expect(await getWithHost(`/api/status?token=${host.token}`, `evil.example:${port}`)).toBe(403);
    expect(await getWithHost('/', `evil.example:${port}`)).toBe(403);
    expect(await getWithHost('/healthz', `127.0.0.1:${port}`)).toBe(200);
    expect(await getWithHost('/healthz', `localhost:${port}`)).toBe(200);
  });

  it('shows the full status only with the token', async () => {
    const stranger = await fetch(`${host.origin}/api/status`);
    expect(stranger.status).toBe(401);
    const body = (await stranger.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['app', 'error', 'role', 'version']);
    expect(JSON.stringify(body)).not.toContain(host.token);
    expect((await fetch(`${host.origin}/api/status?token=wrong`)).status).toBe(401);
    const withQuery = await fetch(`${host.origin}/api/status?token=${host.token}`);
    expect(HostStatus.parse(await withQuery.json()).role).toBe('host');
    const withHeader = await fetch(`${host.origin}/api/status`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(withHeader.status).toBe(200);
  });

  it('trades a launch code for the token once, and a launch address never holds the token', async () => {
    const url = new URL(host.launchUrlFor('/wall/wall-1'));
    expect(url.href).not.toContain(host.wallToken);
    const code = url.searchParams.get('code')!;
    const first = await redeem(code);
    expect(first.status).toBe(200);
    // A wall window gets the wall's read-only token, never the console's.
    expect(((await first.json()) as { token: string }).token).toBe(host.wallToken);
    expect((await redeem(code)).status).toBe(403);
    expect((await redeem('made-up-code')).status).toBe(403);
    expect((await redeem('x'.repeat(10_000))).status).toBe(413);
  });
});

describe('files on disk', () => {
  it('keeps the data dir 0700 and its files 0600 (the CLI, as a site runs it)', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ioc-modes-')), 'data');
    const env = { ...process.env };
    delete env.DISPLAY;
    const app = runCli(['start', '--shell', 'headless', '--port', '0', '--data-dir', dataDir], env);
    try {
      await app.waitFor(/status: http/);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir).filter((f) => statSync(join(dataDir, f)).isFile());
      expect(files).toEqual(expect.arrayContaining(['cache.sqlite', 'hub-events.sqlite']));
      for (const f of files) expect([f, statSync(join(dataDir, f)).mode & 0o777]).toEqual([f, 0o600]);
    } finally {
      await app.stop();
    }
  });
});
