// The hub's two back ends side by side: events published to a hub, committed in a host's cache, on the embedded
// SQLite log, on JetStream with one nats-server (R1), and on a 3-node cluster with streams ×3 (R3). The same
// events, the same host; real nats-server processes on loopback. Prints figures; never passes or fails on time.
//
//   npx tsc -b && node bench/backends.mjs [--quick]
import { join } from 'node:path';
import { envelopesFrom } from './plain-loop.mjs';
import { jetStreamHub, natsCluster } from './nats-server.mjs';
import { fmt, section, table } from './report.mjs';
import {
  committedReader,
  round,
  runAlone,
  startBenchHub,
  startHostProcess,
  tempDir,
  totalOf,
  waitCommitted,
} from './support.mjs';

const PUBLISH_BATCH = 1000;

async function measure(hub, dir, events, heads) {
  const host = await startHostProcess(hub, join(dir, 'host'));
  const reader = committedReader(host.cacheFile);
  const t0 = Date.now();
  for (let i = 0; i < events.length; i += PUBLISH_BATCH) {
    hub.publish(events.slice(i, i + PUBLISH_BATCH));
    await new Promise((r) => setImmediate(r));
  }
  const result = await waitCommitted(reader, heads, { timeoutMs: 180_000, pollMs: 10 });
  reader.close();
  await host.close();
  const seconds = (result.at - t0) / 1000;
  return { done: result.done, committed: totalOf(result.offsets), seconds, rate: totalOf(result.offsets) / seconds };
}

export async function run({ quick, print }) {
  const n = quick ? 20_000 : 100_000;
  print(
    section('Back ends: events published to a hub → committed in a host (events/s)', [
      `${fmt(n)} events (live counters and indicators), published in batches of ${fmt(PUBLISH_BATCH)} into an`,
      'in-process hub while a host process (bench/host-child.mjs) follows it; the clock runs from the first publish',
      'to the host committing the last event. JetStream: the hub appends to the streams, follows them into its',
      'replica and serves the host from it (hub/jetstream/).',
    ]),
  );
  const heads = {};
  const events = envelopesFrom(0, n, heads, Date.now() - n - 60_000, n, n).map(
    ({ offset: _offset, ...event }) => event,
  );
  const rows = [];
  const out = {};
  for (const [name, setUp] of [
    ['SQLite (embedded)', async (dir) => startBenchHub(join(dir, 'hub-events.sqlite'))],
    ['JetStream R1 (one nats-server)', async (dir) => jetStreamHub(dir, await natsCluster(dir, 1), 1)],
    ['JetStream R3 (3-node cluster)', async (dir) => jetStreamHub(dir, await natsCluster(dir, 3), 3)],
  ]) {
    const dir = tempDir('backends');
    const hub = await setUp(dir);
    const r = await measure(hub, dir, events, heads);
    out[name] = { seconds: round(r.seconds, 2), eventsPerS: Math.round(r.rate), caughtUp: r.done };
    rows.push([`${name}${r.done ? '' : ' (NOT caught up)'}`, fmt(r.committed), fmt(r.seconds, 2), fmt(r.rate)]);
    await hub.close();
  }
  const base = out['SQLite (embedded)'].eventsPerS;
  print(
    table(
      ['back end', 'events', 'seconds', 'events/s', 'vs SQLite'],
      rows.map((r, i) => [...r, fmt(Object.values(out)[i].eventsPerS / base, 2)]),
    ),
  );
  return { bench: 'backends', events: n, ...out };
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
