// The host's pages on the room's network (`--room-address`), as the presenter's tablet reaches them: over TLS only,
// with the same Host, Origin and token checks as on loopback, and a person's login and commands working through it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartOptions } from '../../main/host/start-options.js';
import type { RunningHost } from '../../main/host/host.js';
import { call, connected } from '../support/bridge-client.js';
import { loginBridge } from '../support/people.js';
import { startTestHost } from '../support/start-test-host.js';

const dir = mkdtempSync(join(tmpdir(), 'ioc-room-'));
const file = (name: string) => join(dir, name);
let host: RunningHost;
let origin: string;
let cert: Buffer;
const sockets: Socket[] = [];

function get(path: string, hostHeader?: string): Promise<number> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca: cert, servername: '127.0.0.1', headers: hostHeader ? { host: hostHeader } : {} },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function roomBridge(token: string, pageOrigin = origin): Socket {
  const s = io(origin, {
    transports: ['websocket'],
    auth: { token },
    extraHeaders: { Origin: pageOrigin },
    reconnection: false,
    forceNew: true,
    ca: cert.toString('utf8'),
  });
  sockets.push(s);
  return s;
}

beforeAll(async () => {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      file('room.key'),
      '-out',
      file('room.pem'),
    ]),
    { stdio: 'pipe' },
  );
  cert = readFileSync(file('room.pem'));
  host = await startTestHost({
    roomAddress: '127.0.0.1',
    roomPort: 0,
    roomTlsCert: file('room.pem'),
    roomTlsKey: file('room.key'),
  });
  origin = new URL(host.roomUrlFor('/presenter')!).origin;
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await host?.close();
});

describe('the room address', () => {
  it('is refused without TLS', () => {
    const bad = StartOptions.safeParse({ shell: 'headless', dataDir: dir, roomAddress: '192.168.1.10' });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('--room-tls-cert');
  });

  it('serves the pages over https, and answers only to its own name', async () => {
    expect(origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await get('/healthz')).toBe(200);
    expect(await get('/api/status')).toBe(401);
    expect(await get('/healthz', 'ioc.attacker.example')).toBe(403);
  });

  it('lets a leader log in and present from a tablet; refuses a foreign origin and a wrong token', async () => {
    const tablet = roomBridge(host.roomUrlFor('/presenter')!.split('token=')[1]!.split('#')[0]!);
    await connected(tablet);
    expect((await call(tablet, 'hello', { role: 'console' })).ok).toBe(true);
    await loginBridge(tablet, { user: host.demoLogin!.user, password: host.demoLogin!.password! });
    const black = await call(tablet, 'command', { name: 'briefing.black', args: { on: false } });
    expect(black.ok).toBe(true);
    await expect(connected(roomBridge('sai-ma-thong-bao'))).rejects.toThrow(/invalid token/);
    await expect(connected(roomBridge(host.token, 'https://ioc.attacker.example'))).rejects.toThrow();
  });
});
