// The bridge lets in only our pages (origin + per-launch token) and survives malformed calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../main/host/host.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { startTestHost } from '../support/start-test-host.js';

let host: RunningHost;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.close();
});

describe('bridge security', () => {
  it('refuses a wrong token', async () => {
    const socket = connectBridge(host.origin, 'x'.repeat(32));
    await expect(connected(socket)).rejects.toThrow(/invalid token/);
    socket.close();
  });

  it('refuses a foreign origin and a missing origin', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', '']) {
      const socket = connectBridge(host.origin, host.token, origin);
      await expect(connected(socket)).rejects.toThrow();
      socket.close();
    }
    const st = (await (await fetch(`${host.origin}/api/status?token=${host.token}`)).json()) as {
      bridge: { rejected: number };
    };
    expect(st.bridge.rejected).toBeGreaterThanOrEqual(3);
  });

  it('lets in the Electron app origin with the token', async () => {
    const socket = connectBridge(host.origin, host.token, 'app://ioc-wall');
    await connected(socket);
    socket.close();
  });

  it('answers malformed calls with an error and keeps serving', async () => {
    const socket = connectBridge(host.origin, host.token);
    await connected(socket);
    const frames: unknown[] = [
      'hello',
      null,
      { name: 'shutdown', args: {} },
      { name: 'hello', args: { role: 'root' } },
      { name: 'status', args: { sneaky: true } },
      { name: 'heartbeat', args: { surfaceId: 'wall-1', fps: 'fast' } },
    ];
    for (const frame of frames) {
      const r = (await socket.timeout(5000).emitWithAck('call', frame)) as { ok: boolean; error?: { code: string } };
      expect(r.ok, JSON.stringify(frame)).toBe(false);
      expect(['bad-request', 'unknown-call']).toContain(r.error?.code);
    }
    socket.emit('no-such-message', { a: 1 });
    const ok = await call(socket, 'status', {});
    expect(ok.ok).toBe(true);
    expect((await fetch(`${host.origin}/healthz`)).status).toBe(200);
    socket.close();
  });

  it("refuses a wall window's token every call that acts, and changes nothing", async () => {
    const wall = connectBridge(host.origin, host.wallToken);
    await connected(wall);
    const calls = [
      ['command', { name: 'wall.activate', args: { presetId: 'giao-ban-sang' } }],
      ['login', { user: 'demo', password: 'x'.repeat(12) }],
      ['logout', {}],
      ['audit', {}],
      ['timeCursor', { asOf: 0 }],
      [
        'briefingPack',
        { name: 'x', presenter: 'y', classification: 'secret', scenes: [{ title: 'z', presetId: 'giao-ban-sang' }] },
      ],
    ] as const;
    for (const [name, args] of calls) {
      const r = await call(wall, name, args);
      expect([name, r.ok ? 'ok' : r.error.code]).toEqual([name, 'forbidden']);
    }
    const hello = await call(wall, 'hello', { role: 'wall', surfaceId: host.surfaces.all()[0]!.id });
    expect(hello.ok && (hello.result as { person: unknown }).person).toBeNull();
    const outbox = await call(wall, 'outbox', {});
    expect(outbox.ok && (outbox.result as { items: unknown[] }).items).toEqual([]);
    wall.close();
  });

  it('refuses a command from a console page where nobody is logged in', async () => {
    const socket = connectBridge(host.origin, host.token);
    await connected(socket);
    const r = await call(socket, 'command', { name: 'wall.activate', args: { presetId: 'giao-ban-sang' } });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'login-required', message: /đăng nhập để thực hiện/ });
    const audit = await call(socket, 'audit', {});
    expect(audit.ok ? 'ok' : audit.error.code).toBe('login-required');
    socket.close();
  });

  it('gives wall and console pages their own token in the addresses it makes', () => {
    expect(host.wallToken).not.toBe(host.token);
    expect(host.urlFor('/wall/wall-1')).toContain(`token=${host.wallToken}#/wall/wall-1`);
    expect(host.urlFor('/console')).toContain(`token=${host.token}#/console`);
    expect(host.urlFor('/briefing')).toContain(`token=${host.token}#/briefing`);
  });

  it('serves the page with a strict CSP', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
