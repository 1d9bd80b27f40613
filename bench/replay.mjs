// 3. Replay: a host that was live until an outage catches up with one hour of backlog at 1,000 events/s
// (3.6 M events) from the hub's log; time until its committed offsets reach the hub's heads, and the ratio to a
// plain better-sqlite3 loop writing the same rows in the same run. `--backend jetstream`: the same backlog in NATS
// JetStream streams instead (a hub with `--log nats://…`): a new hub's replica catching up from the streams, then
// the host's replay from that hub.
//
//   npx tsc -b && node bench/replay.mjs [--quick] [--backend sqlite|jetstream]
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../dist/platform/logger.js';
import { subjectOf } from '../dist/hub/jetstream/stream-names.js';
import { FeedCache } from '../dist/main/host/cache/feed-cache.js';
import { openCache } from '../dist/main/host/cache/open-cache.js';
import { benchEvent } from './events.mjs';
import { oneStart } from './cold-start.mjs';
import { buildHubLog } from './hub-log.mjs';
import { jetStreamHub, natsCluster } from './backends.mjs';
import { PLAIN_BATCH, envelopesFrom, plainLoop } from './plain-loop.mjs';
import { fmt, section, table, targetLines } from './report.mjs';
import {
  committedReader,
  reached,
  removeDir,
  round,
  runAlone,
  startBenchHub,
  startHostProcess,
  tempDir,
  totalOf,
  until,
  waitCommitted,
} from './support.mjs';

/** Events the host held before the outage (the first second of the log). */
const BEFORE = 1_000;
const logger = createLogger('bench', 'error');

/** The host's cache as it was when the outage began: the first `count` events, written by FeedCache itself. */
function seedCache(dataDir, count, startTime, total, spanMs) {
  mkdirSync(dataDir, { recursive: true });
  const db = openCache(join(dataDir, 'cache.sqlite'), logger).db;
  const cache = new FeedCache(db, logger);
  const heads = {};
  const events = [];
  for (let i = 0; i < count; i++) {
    const e = benchEvent(i, startTime + Math.floor((i * spanMs) / total));
    heads[e.topic] = (heads[e.topic] ?? 0) + 1;
    events.push({ ...e, offset: heads[e.topic] });
  }
  cache.apply(events);
  cache.flush();
  cache.close();
  db.close();
  return heads;
}

export async function run({ quick, print }) {
  const backlog = quick ? 360_000 : 3_600_000;
  const spanMs = (backlog / 1000) * 1000; // 1,000 events/s of source time
  const total = BEFORE + backlog;
  const timeoutMs = quick ? 45_000 : 150_000;
  print(
    section(`3. replay: ${fmt(backlog)} events of backlog (${fmt(spanMs / 60_000)} min at 1,000/s) → caught up`, [
      `The hub's log holds ${fmt(BEFORE)} events before the outage and ${fmt(backlog)} during it (times spread over`,
      `${fmt(spanMs / 60_000)} min, ending a minute ago); the host's cache already holds the first ${fmt(BEFORE)} (written by`,
      `FeedCache), as a host that was live until the outage, so the hub replays from its offsets. Clock starts when`,
      `startHost() has returned in the host process and stops when its committed topic_offsets (read-only`,
      `connection, polled every 20 ms) reach the hub's heads. Bounded at ${fmt(timeoutMs / 1000)} s.`,
    ]),
  );
  const dir = tempDir('replay');
  const startTime = Date.now() - spanMs - 60_000;
  const hubFile = join(dir, 'hub-events.sqlite');
  const b0 = performance.now();
  const heads = buildHubLog(hubFile, total, { startTime, spanMs: (total / backlog) * spanMs });
  const buildMs = performance.now() - b0;
  const hostDir = join(dir, 'host');
  const held = seedCache(hostDir, BEFORE, startTime, total, (total / backlog) * spanMs);

  const h0 = performance.now();
  const hub = await startBenchHub(hubFile);
  const hubStartMs = performance.now() - h0;
  const hubHeads = hub.heads();
  for (const [t, h] of Object.entries(heads)) {
    if (hubHeads[t] !== h) throw new Error(`hub head of ${t} is ${hubHeads[t]}, the log was built to ${h}`);
  }
  let hubPeakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (hubPeakRss = Math.max(hubPeakRss, process.memoryUsage().rss)), 500);
  const host = await startHostProcess(hub, hostDir);
  const reader = committedReader(host.cacheFile);
  const progress = [];
  let nextMark = host.readyAt + 10_000;
  const result = await waitCommitted(reader, heads, {
    timeoutMs,
    pollMs: 20,
    onPoll: (offsets, now) => {
      if (now >= nextMark) {
        progress.push({ s: Math.round((now - host.readyAt) / 1000), replayed: totalOf(offsets) - totalOf(held) });
        nextMark += 10_000;
      }
    },
  });
  clearInterval(rssTimer);
  reader.close();
  const closed = await host.close();
  await hub.close();

  // The same cache, now holding the hour: an offline start on it (as 4. cold-start, but with a long history).
  const cacheFile = join(hostDir, 'cache.sqlite');
  const cacheMiB = statSync(cacheFile).size / 2 ** 20;
  const q0 = performance.now();
  const qdb = new Database(cacheFile, { readonly: true, fileMustExist: true });
  qdb.pragma('quick_check');
  qdb.close();
  const quickCheckMs = performance.now() - q0;
  const starts = [];
  for (let i = 0; i < 2; i++) starts.push(await oneStart(hostDir, 60_000));

  // The baseline, in the same run: the replayed rows written by a plain better-sqlite3 loop into a new cache.
  const logSpanMs = (total / backlog) * spanMs;
  const plainHeads = { ...held };
  let next = BEFORE;
  const plainMs = plainLoop(join(dir, 'plain.sqlite'), () => {
    if (next >= total) return undefined;
    const to = Math.min(total, next + PLAIN_BATCH);
    const batch = envelopesFrom(next, to, plainHeads, startTime, logSpanMs, total);
    next = to;
    return batch;
  });
  const plainRate = (backlog / plainMs) * 1000;
  removeDir(dir);

  const replayed = totalOf(result.offsets) - totalOf(held);
  const seconds = (result.at - host.readyAt) / 1000;
  const rate = replayed / seconds;
  const projected = result.done ? seconds : backlog / rate;
  print(
    table(
      ['step', 'events', 'seconds', 'events/s'],
      [
        [
          'build the hub log (better-sqlite3, not the product)',
          fmt(total),
          fmt(buildMs / 1000, 1),
          fmt((total / buildMs) * 1000),
        ],
        ['start the hub on it (heads, retention check)', fmt(total), fmt(hubStartMs / 1000, 2), '—'],
        [
          'plain better-sqlite3 loop, same rows and schema (FeedCache SQL, 5,000/tx)',
          fmt(backlog),
          fmt(plainMs / 1000, 1),
          fmt(plainRate),
        ],
        [
          result.done
            ? 'replay → committed (caught up)'
            : `replay → committed (NOT caught up in ${fmt(timeoutMs / 1000)} s)`,
          fmt(replayed),
          fmt(seconds, 1),
          fmt(rate),
        ],
      ],
    ),
  );
  const lines = [
    `  ratio replay ÷ plain loop: ${fmt(rate / plainRate, 2)} (events/s, same rows, this run)`,
    `  progress (replayed events at s): ${progress.map((p) => `${p.s}s ${fmt(p.replayed)}`).join(', ') || '—'}`,
    `  peak RSS: host process ${closed ? fmt(closed.maxRssKiB / 1024) + ' MiB' : '—'}; this process (hub, poller) ${fmt(hubPeakRss / 2 ** 20)} MiB`,
  ];
  if (!result.done) lines.push(`  projected time to catch up at that rate: ${fmt(projected, 1)} s`);
  lines.push(
    `  then an offline cold start on this cache (${fmt(cacheMiB)} MiB, ${fmt(totalOf(result.offsets))} events): hello answered in ` +
      `${starts.map((s) => `${fmt(s.helloMs)} ms`).join(' and ')} (${starts[0].latest} keys); PRAGMA quick_check alone ${fmt(quickCheckMs)} ms`,
  );
  print(lines.join('\n'));
  const targets = [
    {
      what: `caught up with 1 h at 1,000/s in < 30 s`,
      measured: quick ? `${fmt(projected * 10, 1)} s*` : `${fmt(projected, 1)} s${result.done ? '' : ' (proj.)'}`,
      met: projected * (quick ? 10 : 1) < 30,
    },
    { what: 'replay ÷ plain loop ≥ 0.8', measured: fmt(rate / plainRate, 2), met: rate / plainRate >= 0.8 },
  ];
  print(targetLines(targets));
  if (quick) print('  * --quick: 1/10 of the hour, time scaled ×10 for the target line');
  return {
    bench: 'replay',
    backlogEvents: backlog,
    caughtUp: result.done,
    replayed,
    seconds,
    eventsPerS: Math.round(rate),
    plainLoopEventsPerS: Math.round(plainRate),
    ratioToPlainLoop: round(rate / plainRate, 3),
    projectedSeconds: round(projected, 3),
    buildSeconds: round(buildMs / 1000, 3),
    hubStartSeconds: round(hubStartMs / 1000, 3),
    progress,
    hostPeakRssMiB: closed ? Math.round(closed.maxRssKiB / 1024) : null,
    hubProcessPeakRssMiB: Math.round(hubPeakRss / 2 ** 20),
    coldStartOnThisCache: {
      cacheMiB: Math.round(cacheMiB),
      helloMs: starts.map((s) => Math.round(s.helloMs)),
      quickCheckMs: Math.round(quickCheckMs),
    },
    targets,
  };
}

/** Stream messages published at once (each acknowledged) while filling the streams. */
const FILL_WINDOW = 2000;

/**
 * Events [0, total) into the topics' streams as hub/jetstream/stream-writer.ts appends them (the event's JSON with
 * its offset, on the condition that the stream ends just before it); returns the heads per topic.
 */
async function fillStreams(server, total, startTime, spanMs) {
  const nc = await connect({ servers: server });
  try {
    const js = jetstream(nc);
    const heads = {};
    for (let from = 0; from < total; from += FILL_WINDOW) {
      const batch = envelopesFrom(from, Math.min(total, from + FILL_WINDOW), heads, startTime, spanMs, total);
      await Promise.all(
        batch.map((e) => js.publish(subjectOf(e.topic), JSON.stringify(e), { expect: { lastSequence: e.offset - 1 } })),
      );
    }
    return heads;
  } finally {
    await nc.drain();
  }
}

/** The replay from the JetStream back end (one nats-server): the hub's replica, then the host. */
export async function runJetStream({ quick, print }) {
  const backlog = quick ? 360_000 : 3_600_000;
  const spanMs = (backlog / 1000) * 1000;
  const total = BEFORE + backlog;
  const logSpanMs = (total / backlog) * spanMs;
  const timeoutMs = quick ? 90_000 : 300_000;
  print(
    section(`3b. replay from JetStream: ${fmt(backlog)} events of backlog → a new hub's replica, then a host`, [
      `The topics' streams on one nats-server hold ${fmt(total)} events, published as the stream writer does (JSON`,
      `with its offset, expected last sequence). (a) a hub with --log nats://… and an empty replica starts and`,
      `follows the streams until its heads are the streams' ends; (b) a host whose cache holds the first ${fmt(BEFORE)}`,
      `replays the rest from that hub, timed as in 3. Bounded at ${fmt(timeoutMs / 1000)} s each.`,
    ]),
  );
  const dir = tempDir('replay-js');
  const startTime = Date.now() - spanMs - 60_000;
  const servers = await natsCluster(dir, 1);
  // A first hub makes the topics' streams with the back end's own configuration, then leaves.
  await (await jetStreamHub(join(dir, 'maker'), servers, 1)).close();
  const f0 = performance.now();
  const heads = await fillStreams(servers[0], total, startTime, logSpanMs);
  const fillMs = performance.now() - f0;

  const r0 = performance.now();
  const hub = await jetStreamHub(join(dir, 'hub'), servers, 1);
  await until('the replica holding the streams', () => reached(hub.heads(), heads), timeoutMs, 20);
  const replicaMs = performance.now() - r0;

  const hostDir = join(dir, 'host');
  const held = seedCache(hostDir, BEFORE, startTime, total, logSpanMs);
  const host = await startHostProcess(hub, hostDir);
  const reader = committedReader(host.cacheFile);
  const result = await waitCommitted(reader, heads, { timeoutMs, pollMs: 20 });
  reader.close();
  await host.close();
  await hub.close();
  removeDir(dir);

  const replayed = totalOf(result.offsets) - totalOf(held);
  const seconds = (result.at - host.readyAt) / 1000;
  print(
    table(
      ['step', 'events', 'seconds', 'events/s'],
      [
        [
          'fill the streams (NATS client, acknowledged, not the product)',
          fmt(total),
          fmt(fillMs / 1000, 1),
          fmt((total / fillMs) * 1000),
        ],
        [
          "(a) a new hub's replica → the streams' ends",
          fmt(total),
          fmt(replicaMs / 1000, 1),
          fmt((total / replicaMs) * 1000),
        ],
        [
          `(b) host replay from that hub → committed${result.done ? '' : ` (NOT caught up in ${fmt(timeoutMs / 1000)} s)`}`,
          fmt(replayed),
          fmt(seconds, 1),
          fmt(replayed / seconds),
        ],
      ],
    ),
  );
  return {
    bench: 'replay-jetstream',
    backlogEvents: backlog,
    fillSeconds: round(fillMs / 1000, 3),
    replicaSeconds: round(replicaMs / 1000, 3),
    replicaEventsPerS: Math.round((total / replicaMs) * 1000),
    hostCaughtUp: result.done,
    hostSeconds: round(seconds, 3),
    hostEventsPerS: Math.round(replayed / seconds),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--backend');
  const backend = at < 0 ? 'sqlite' : process.argv[at + 1];
  if (backend !== 'sqlite' && backend !== 'jetstream') {
    process.stderr.write('usage: node bench/replay.mjs [--quick] [--backend sqlite|jetstream]\n');
    process.exit(2);
  }
  await runAlone(backend === 'jetstream' ? runJetStream : run);
}
