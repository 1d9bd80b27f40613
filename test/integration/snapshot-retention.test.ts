// Snapshots and retention on the wire: a new host of a long log starts from the latest value of every key, a
// host behind the hub's floor is brought forward the same way, and a host ahead of a reset hub starts again.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { NewEvent } from '../../hub/event-log.js';
import { createLogger } from '../../platform/logger.js';
import { TOPICS } from '../../src/contract/topics.js';
import { demoPresetEvents } from '../../src/domain/presets/demo-presets.js';
import type { RunningHost } from '../../main/host/host.js';
import { enrolDevice } from '../support/hub-identity.js';
import { startTestHost, until } from '../support/start-test-host.js';

const KEYS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'] as const;
const live = (value: number): NewEvent => ({
  topic: 'econ.live',
  key: KEYS[value % 3]!,
  source: 't',
  time: Date.now(),
  payload: { metric: KEYS[value % 3]!, value, sourceSystem: 's' },
});
const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => live(from + i));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hub(port = 0, snapshotAbove = 50, maxEvents = 1_000_000, logFile: string | null = null) {
  const h = await startHub({
    port,
    logFile,
    demo: false,
    version: 't',
    snapshotAbove,
    retention: { 'econ.live': { maxAgeMs: 86_400_000, maxEvents } },
    logger: createLogger('hub', 'error'),
  });
  return h;
}

/** A host of `hub`, enrolled on it as a wall device. */
async function host(hub: RunningHub, dataDir?: string): Promise<RunningHost> {
  const credential = enrolDevice(hub, `wall-${Math.random().toString(36).slice(2, 8)}`, 'wall');
  const h = await startTestHost({ hub: hub.url, credential, ...(dataDir ? { dataDir } : {}) });
  cleanups.push(() => h.close());
  return h;
}

const liveOffset = (h: RunningHost) => h.status().feed.topics['econ.live']!.offset;

describe('snapshots', () => {
  it('starts a new host of a long log from the latest value of each key, then follows live', async () => {
    const h = await hub();
    cleanups.push(() => h.close());
    h.publish(batch(1, 500));
    const a = await host(h);
    await until('snapshot applied', () => (liveOffset(a) === 500 ? true : undefined));
    const values = a.status().cache.keys;
    expect(values).toBe(3);
    h.publish(batch(501, 5));
    await until('live after the snapshot', () => (liveOffset(a) === 505 ? true : undefined));
  });

  it('starts again from the snapshot of a hub that holds less than the host (a reset hub)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-reset-'));
    const h = await hub(0, 1_000_000, 100, join(dir, 'hub.sqlite'));
    const port = h.port;
    h.publish(batch(1, 20));
    const a = await host(h);
    await until('first events', () => (liveOffset(a) === 20 ? true : undefined));
    await h.close();
    // The same hub with its log emptied (its devices kept, so the host is still let in).
    copyFileSync(join(dir, 'hub.sqlite'), join(dir, 'reset.sqlite'));
    const emptied = new Database(join(dir, 'reset.sqlite'));
    emptied.exec('DELETE FROM events; DELETE FROM latest; DELETE FROM floors;');
    emptied.close();
    const h2 = await hub(port, 50, 1_000_000, join(dir, 'reset.sqlite'));
    cleanups.push(() => h2.close());
    // A reset hub holding less than the host: the host must start again from its snapshot.
    h2.publish(batch(1000, 7));
    await until('reset to the new hub', () => (liveOffset(a) === 7 ? true : undefined));
    const latest = a.status().cache.keys;
    expect(latest).toBe(3);
  });

  it('prunes history below the floor and serves hosts behind it a snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-floor-'));
    const file = join(dir, 'hub.sqlite');
    const mk = (port = 0) =>
      startHub({
        port,
        logFile: file,
        demo: false,
        version: 't',
        snapshotAbove: 1_000_000,
        retention: { 'econ.live': { maxAgeMs: 86_400_000, maxEvents: 50 } },
        logger: createLogger('hub', 'error'),
      });
    let h = await mk();
    const port = h.port;
    h.publish(batch(1, 10));
    const a = await host(h);
    await until('first events', () => (liveOffset(a) === 10 ? true : undefined));
    await h.close();
    // While the host is away, the log grows far past its retention.
    const writer = await mk();
    writer.publish(batch(11, 400));
    await writer.close();
    h = await mk(port); // prunes at start: floor 361
    cleanups.push(() => h.close());
    expect(h.status().topics['econ.live']!.floor).toBe(361);
    await until('brought forward', () => (liveOffset(a) === 410 ? true : undefined));
    const db = new Database(file, { readonly: true });
    const kept = db.prepare("SELECT COUNT(*) AS n FROM events WHERE topic = 'econ.live'").get() as { n: number };
    db.close();
    expect(kept.n).toBe(50);
  });
});

describe('retention', () => {
  it("keeps a topic's history for its definition's minimum, whatever the configured retention", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ioc-retain-')), 'hub.sqlite');
    const day = 86_400_000;
    const policy = { maxAgeMs: day, maxEvents: 1_000_000 };
    const mk = () =>
      startHub({
        port: 0,
        logFile: file,
        demo: false,
        version: 't',
        retention: { 'econ.live': policy, 'wall.presets': policy },
        logger: createLogger('hub', 'error'),
      });
    const presets = (at: number) => demoPresetEvents(at).filter((e) => e.topic === 'wall.presets');
    const minimum = TOPICS['wall.presets'].minRetentionMs;
    const now = Date.now();
    const writer = await mk();
    // Versions of each preset from before the minimum and from within it; counters from a month ago.
    writer.publish([...presets(now - minimum - 30 * day), ...presets(now - 30 * day), ...presets(now - 30 * day)]);
    writer.publish(batch(1, 6).map((e) => ({ ...e, time: now - 30 * day })));
    await writer.close();
    const h = await mk(); // prunes at start
    cleanups.push(() => h.close());
    const perVersion = presets(now).length;
    expect(h.status().topics['wall.presets']).toEqual({ head: 3 * perVersion, floor: perVersion + 1 });
    expect(h.status().topics['econ.live']).toEqual({ head: 6, floor: 7 });
  });
});
