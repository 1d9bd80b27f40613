// A host catching up a long backlog says so in /api/status, and how far: real hub and host on loopback, with a
// proxy between them that holds the hub's bytes back once the replay has begun, so the test reads the progress
// mid-replay whatever the machine's speed.
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { NewEvent } from '../../hub/event-log.js';
import { createLogger } from '../../platform/logger.js';
import { HostStatus } from '../../src/contract/host-status.js';
import type { RunningHost } from '../../main/host/host.js';
import { enrolDevice } from '../support/hub-identity.js';
import { startTestHost, until } from '../support/start-test-host.js';
import { type TcpProxy, startTcpProxy } from '../support/tcp-proxy.js';

const BACKLOG = 100_000;
const KEYS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'] as const;
const live = (i: number): NewEvent => ({
  topic: 'econ.live',
  key: KEYS[i % 3]!,
  source: 't',
  time: Date.now(),
  payload: { metric: KEYS[i % 3]!, value: i, sourceSystem: 's' },
});

let hub: RunningHub | undefined;
let proxy: TcpProxy | undefined;
let host: RunningHost | undefined;
afterAll(async () => {
  await host?.close();
  await proxy?.close();
  await hub?.close();
});

async function status(h: RunningHost): Promise<HostStatus> {
  const res = await fetch(`${h.origin}/api/status?token=${h.token}`);
  return HostStatus.parse(await res.json());
}

describe('catch-up progress', () => {
  it('reports how far a host is through its backlog, then nothing once caught up', async () => {
    // The whole backlog is replayed (no snapshot), as for a host back from an outage.
    hub = await startHub({
      port: 0,
      logFile: null,
      demo: false,
      version: 't',
      snapshotAbove: Number.MAX_SAFE_INTEGER,
      logger: createLogger('hub', 'error'),
    });
    for (let i = 0; i < BACKLOG; i += 10_000) hub.publish(Array.from({ length: 10_000 }, (_, j) => live(i + j)));
    proxy = await startTcpProxy(hub.port);
    const credential = enrolDevice(hub, 'wall-replay', 'wall');
    host = await startTestHost({ hub: proxy.url, credential });
    const h = host;
    const p = proxy;

    // The subscription is answered (the catch-up is known): hold the rest of the replay back.
    await until('the catch-up begins', () => (h.status().feed.catchUp ? true : undefined), 15_000, 1);
    p.stallDownstream(true);
    const held = h.status().feed.topics['econ.live']!.offset;
    expect(held).toBeLessThan(BACKLOG);

    const during = await status(h);
    expect(during.feed.catchUp).not.toBeNull();
    expect(during.feed.catchUp!.total).toBe(BACKLOG);
    expect(during.feed.catchUp!.replayed).toBe(during.feed.topics['econ.live']!.offset);
    expect(during.feed.topics['econ.live']!.head).toBe(BACKLOG);
    expect(during.feed.topics['econ.live']!.lag).toBe(BACKLOG - during.feed.topics['econ.live']!.offset);

    p.stallDownstream(false);
    const after = await until(
      'caught up',
      async () => {
        const s = await status(h);
        return s.feed.topics['econ.live']!.offset === BACKLOG ? s : undefined;
      },
      60_000,
    );
    expect(after.feed.catchUp).toBeNull();
    expect(after.feed.topics['econ.live']!.lag).toBe(0);
  }, 120_000);
});
