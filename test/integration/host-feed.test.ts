// Real hub and host on loopback: the host receives live values and serves them over the bridge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { HostStatus } from '../../src/contract/host-status.js';
import { HelloResponse } from '../../src/contract/bridge.js';
import type { RunningHost } from '../../main/host/host.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { startTestHost, until } from '../support/start-test-host.js';

let host: RunningHost;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.close();
});

async function status(): Promise<HostStatus> {
  const res = await fetch(`${host.origin}/api/status?token=${host.token}`);
  return HostStatus.parse(await res.json());
}

describe('host on the embedded demo hub', () => {
  it('answers /healthz and a valid /api/status', async () => {
    expect((await fetch(`${host.origin}/healthz`)).status).toBe(200);
    const s = await status();
    expect(s.shell.kind).toBe('headless');
    expect(s.monitors.map((m) => m.id)).toEqual(['left', 'right']);
    expect(s.surfaces.map((x) => [x.id, x.monitorId])).toEqual([
      ['wall-1', 'left'],
      ['wall-2', 'right'],
    ]);
  });

  it('connects to the hub and its offsets follow the hub heads', async () => {
    const s = await until('feed connected with data', async () => {
      const st = await status();
      // Every topic the hub holds is held here too (each comes in its own batch), and the live counters moving.
      const heads = host.hub!.status().topics;
      const all = Object.entries(st.feed.topics).every(([topic, t]) => (heads[topic]?.head ?? 0) === 0 || t.offset > 0);
      return st.feed.state === 'connected' && all && (st.feed.topics['econ.live']?.offset ?? 0) > 3 ? st : undefined;
    });
    const heads = host.hub!.status().topics;
    for (const [topic, t] of Object.entries(s.feed.topics)) {
      if (heads[topic]!.head > 0) expect(t.offset, topic).toBeGreaterThan(0);
      expect(t.offset).toBeLessThanOrEqual(heads[topic]!.head);
    }
    const later = await until('live counter offset moves', async () => {
      const st = await status();
      return st.feed.topics['econ.live']!.offset > s.feed.topics['econ.live']!.offset ? st : undefined;
    });
    expect(later.cache.keys).toBeGreaterThan(34 * 5);
  });

  it('gives a page the latest values, then live events, over the bridge', async () => {
    const socket = connectBridge(host.origin, host.token);
    const received: Envelope[] = [];
    socket.on('feed', (batch: Envelope[]) => received.push(...batch));
    await connected(socket);
    const hello = await call(socket, 'hello', { role: 'wall', surfaceId: 'wall-1' });
    expect(hello.ok).toBe(true);
    const body = HelloResponse.parse(hello.ok && hello.result);
    expect(body.surface?.id).toBe('wall-1');
    expect(body.locale).toBe('vi');
    expect(body.latest.filter((e) => e.topic === 'econ.indicators')).toHaveLength(34 * 5);
    await until('live events', () => (received.some((e) => e.topic === 'econ.live') ? true : undefined));
    socket.close();
  });

  it('records a heartbeat of a wall page in /api/status', async () => {
    const socket = connectBridge(host.origin, host.token);
    await connected(socket);
    const r = await call(socket, 'heartbeat', {
      surfaceId: 'wall-2',
      sample: '1.234',
      fps: 59,
      tiles: 6,
      tileErrors: 0,
    });
    expect(r.ok).toBe(true);
    const s = await status();
    expect(s.surfaces.find((x) => x.id === 'wall-2')?.heartbeat).toMatchObject({ sample: '1.234', fps: 59 });
    const bad = await call(socket, 'heartbeat', { surfaceId: 'wall-9', sample: '', fps: 1, tiles: 0, tileErrors: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'failed' } });
    socket.close();
  });

  it('answers history from the cache, oldest first, for one key', async () => {
    const socket = connectBridge(host.origin, host.token);
    await connected(socket);
    await until('some history', async () => {
      const r = await call(socket, 'history', { topic: 'econ.live', key: 'new_businesses_today' });
      return r.ok && (r.result as unknown[]).length >= 3 ? true : undefined;
    });
    const r = await call(socket, 'history', { topic: 'econ.live', key: 'new_businesses_today', limit: 50 });
    const events = (r.ok ? r.result : []) as Envelope[];
    expect(events.every((e) => e.key === 'new_businesses_today')).toBe(true);
    const offsets = events.map((e) => e.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    const values = events.map((e) => (e.payload as { value: number }).value);
    expect(values).toEqual([...values].sort((a, b) => a - b)); // a counter of the day only grows
    const bad = await call(socket, 'history', { topic: 'econ.secret' });
    expect(bad.ok).toBe(false);
    socket.close();
  });
});
