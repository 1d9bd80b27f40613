// The hub's two back ends side by side: events published to a hub, committed in a host's cache, on the embedded
// SQLite log, on JetStream with one nats-server (R1), and on a 3-node cluster with streams ×3 (R3). The same
// events, the same host; real nats-server processes on loopback. Prints figures; never passes or fails on time.
//
//   npx tsc -b && node bench/backends.mjs [--quick]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHub } from '../dist/hub/hub-server.js';
import { createLogger } from '../dist/platform/logger.js';
import { envelopesFrom } from './plain-loop.mjs';
import { freePort, startServer } from './nats-server.mjs';
import { fmt, section, table } from './report.mjs';
import {
  atCleanup,
  committedReader,
  round,
  runAlone,
  startBenchHub,
  startHostProcess,
  tempDir,
  totalOf,
  until,
  waitCommitted,
} from './support.mjs';

const PUBLISH_BATCH = 1000;

/** `nodes` nats-servers with JetStream (a cluster when more than one); returns their client URLs. */
export async function natsCluster(dir, nodes) {
  const ports = [];
  for (let i = 0; i < nodes; i++) ports.push({ client: await freePort(), route: await freePort() });
  for (const [i, p] of ports.entries()) {
    const routes = ports.filter((_, j) => j !== i).map((q) => `"nats://127.0.0.1:${q.route}"`);
    const config = join(dir, `n${i}.conf`);
    writeFileSync(
      config,
      [
        `server_name: n${i}`,
        `listen: 127.0.0.1:${p.client}`,
        `jetstream { store_dir: "${join(dir, `n${i}`)}" }`,
        ...(nodes > 1 ? [`cluster { name: bench, listen: 127.0.0.1:${p.route}, routes: [${routes.join(', ')}] }`] : []),
      ].join('\n'),
    );
    await startServer(config);
  }
  return ports.map((p) => `nats://127.0.0.1:${p.client}`);
}

/** A hub on the JetStream back end (`--log nats://…`), its replica in `dir`, started again until it can be. */
export async function jetStreamHub(dir, servers, replicas) {
  // A new cluster elects its JetStream leader first: the hub is started again until it can make its streams.
  const hub = await until(
    'a hub on the cluster',
    () =>
      startHub({
        port: 0,
        logFile: join(dir, 'hub-replica.sqlite'),
        demo: false,
        version: 'bench',
        logger: createLogger('bench-hub', 'error'),
        snapshotAbove: Number.MAX_SAFE_INTEGER,
        jetstream: { servers, replicas, hubName: 'bench-hub' },
      }).catch(() => undefined),
    60_000,
  );
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await hub.close();
  };
  atCleanup(close);
  return {
    url: hub.url,
    admin: hub.admin,
    publish: (events) => hub.publish(events),
    heads: () => Object.fromEntries(Object.entries(hub.status().topics).map(([t, v]) => [t, v.head])),
    close,
  };
}

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
