// 1. Ingest: a hub's log replayed into an empty host and committed in its SQLite cache, in events/s, beside a
// plain better-sqlite3 loop writing the same rows with FeedCache's own SQL and batch size. The ratio is the figure.
import { join } from 'node:path';
import { createLogger } from '../dist/platform/logger.js';
import { FeedCache } from '../dist/main/host/cache/feed-cache.js';
import { openCache } from '../dist/main/host/cache/open-cache.js';
import { headsOf } from './events.mjs';
import { envelopesFrom, plainLoopOf } from './plain-loop.mjs';
import { buildHubLog } from './hub-log.mjs';
import { fmt, section, table, targetLines } from './report.mjs';
import {
  committedReader,
  removeDir,
  round,
  startBenchHub,
  startHostProcess,
  tempDir,
  totalOf,
  waitCommitted,
} from './support.mjs';

/** The hub sends batches of 1,000 events (hub/subscriber.ts). */
const HUB_BATCH = 1000;
const logger = createLogger('bench', 'error');

/** Envelopes as the host receives them: offsets per topic from 1. */
const envelopes = (n, startTime, spanMs) => envelopesFrom(0, n, {}, startTime, spanMs, n);

/** The product's cache class alone, in this process: apply() in the hub's batches, then a final flush(). */
function feedCacheAlone(file, rows) {
  const db = openCache(file, logger).db;
  const cache = new FeedCache(db, logger);
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += HUB_BATCH) cache.apply(rows.slice(i, i + HUB_BATCH));
  cache.flush();
  const ms = performance.now() - t0;
  cache.close();
  db.close();
  return ms;
}

export async function run({ quick, print }) {
  const n = quick ? 30_000 : 300_000;
  const spanMs = n; // one event per millisecond of source time
  const startTime = Date.now() - spanMs - 60_000;
  const dir = tempDir('ingest');
  print(
    section('1. ingest: hub → host → committed in SQLite (events/s)', [
      `${fmt(n)} events (half econ.live counters, half econ.indicators of the 34 provinces), valid payloads.`,
      `"committed": the host's topic_offsets row, read by a separate read-only SQLite connection every 10 ms,`,
      `has reached the hub's head for every topic; FeedCache writes that row in the same transaction as the events`,
      `and latest values (WAL, synchronous=NORMAL), so the events are in the file. Clock starts when startHost()`,
      `has returned in the host process (empty cache; the hub's snapshot threshold is lifted so the whole log is`,
      `replayed, not snapshotted). Hub in this process, host in its own process (bench/host-child.mjs).`,
    ]),
  );

  // Same rows for the in-process baselines. The plain loop runs before and after the hub → host run (this
  // machine is shared and noisy); the faster of the two is the baseline, which makes the ratio conservative.
  let rows = envelopes(n, startTime, spanMs);
  const plainMs1 = plainLoopOf(join(dir, 'plain-1.sqlite'), rows);
  const cacheMs = feedCacheAlone(join(dir, 'feedcache.sqlite'), rows);
  rows = null; // not kept alive (and scanned by the GC) in the hub's process during the run

  const hubFile = join(dir, 'hub-events.sqlite');
  const b0 = performance.now();
  const heads = buildHubLog(hubFile, n, { startTime, spanMs });
  const buildMs = performance.now() - b0;
  for (const [topic, head] of Object.entries(headsOf(n))) {
    if (heads[topic] !== head) throw new Error(`the hub log of ${topic} ends at ${heads[topic]}, not ${head}`);
  }

  const hub = await startBenchHub(hubFile);
  const hostDir = join(dir, 'host');
  const host = await startHostProcess(hub, hostDir);
  const reader = committedReader(host.cacheFile);
  const timeoutMs = quick ? 30_000 : 120_000;
  const result = await waitCommitted(reader, heads, { timeoutMs, pollMs: 10 });
  reader.close();
  const closed = await host.close();
  await hub.close();
  rows = envelopes(n, startTime, spanMs);
  const plainMs2 = plainLoopOf(join(dir, 'plain-2.sqlite'), rows);
  rows = null;
  const plainMs = Math.min(plainMs1, plainMs2);

  const hostMs = result.at - host.readyAt;
  const committed = totalOf(result.offsets);
  const hostRate = (committed / hostMs) * 1000;
  // From the first commit seen to the last: without connecting, subscribing and filling the first batch.
  const steadyRate =
    result.firstAt !== null && result.at > result.firstAt
      ? ((committed - result.firstTotal) / (result.at - result.firstAt)) * 1000
      : null;
  const plainRate = (n / plainMs) * 1000;
  const cacheRate = (n / cacheMs) * 1000;
  const ratio = hostRate / plainRate;
  removeDir(dir);

  const rowsOut = [
    ['plain better-sqlite3 loop (FeedCache SQL, 5,000/tx)¹', fmt(n), fmt(plainMs / 1000, 2), fmt(plainRate), '1.00'],
    [
      'FeedCache.apply + flush, in process (no network)',
      fmt(n),
      fmt(cacheMs / 1000, 2),
      fmt(cacheRate),
      fmt(cacheRate / plainRate, 2),
    ],
    [
      `hub → host → committed${result.done ? '' : ' (NOT caught up)'}`,
      fmt(committed),
      fmt(hostMs / 1000, 2),
      fmt(hostRate),
      fmt(ratio, 2),
    ],
  ];
  print(table(['path', 'events', 'seconds', 'events/s', 'vs plain'], rowsOut));
  print(
    [
      `  ¹ faster of two runs, before and after the hub → host run: ${fmt((n / plainMs1) * 1000)} and ${fmt((n / plainMs2) * 1000)} events/s`,
      `  hub log prefill (better-sqlite3, not timed above): ${fmt(buildMs / 1000, 2)} s`,
      `  first commit seen ${result.firstAt === null ? '—' : fmt(result.firstAt - host.readyAt)} ms after start ` +
        `(${fmt(result.firstTotal)} events); from there to the last: ${fmt(steadyRate)} events/s`,
      `  host process peak RSS ${closed ? fmt(closed.maxRssKiB / 1024) + ' MiB' : '—'}`,
    ].join('\n'),
  );
  const targets = [
    { what: 'hub→host rate ≥ 0.5 × plain loop', measured: `${fmt(ratio, 2)} ×`, met: result.done && ratio >= 0.5 },
    { what: 'hub→host ≥ 50,000 events/s', measured: `${fmt(hostRate)} /s`, met: result.done && hostRate >= 50_000 },
  ];
  print(targetLines(targets));
  return {
    bench: 'ingest',
    events: n,
    caughtUp: result.done,
    committed,
    plain: {
      seconds: round(plainMs / 1000, 3),
      eventsPerS: Math.round(plainRate),
      runsEventsPerS: [plainMs1, plainMs2].map((ms) => Math.round((n / ms) * 1000)),
    },
    feedCacheInProcess: { seconds: round(cacheMs / 1000, 3), eventsPerS: Math.round(cacheRate) },
    hubToHostCommitted: {
      seconds: round(hostMs / 1000, 3),
      eventsPerS: Math.round(hostRate),
      steadyEventsPerS: round(steadyRate),
      firstCommittedMs: result.firstAt === null ? null : result.firstAt - host.readyAt,
    },
    ratio: Math.round(ratio * 1000) / 1000,
    prefillSeconds: round(buildMs / 1000, 3),
    hostPeakRssMiB: closed ? Math.round(closed.maxRssKiB / 1024) : null,
    targets,
  };
}
