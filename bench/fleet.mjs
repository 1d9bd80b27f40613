// A fleet on two hubs: 50 bench hosts (bench/fleet-client.mjs: the host's own FeedClient, no wall) on two hub
// processes (`ioc-wall hub --log nats://…`) over one nats-server with JetStream, while a third hub process produces
// the demo at 1,000 events/s into the log. Steady: each host's lag (event time → given to the host) and each hub's
// CPU. Then hub a is SIGKILLed in the middle of a phase: its hosts move to hub b and resume from their offsets; the
// figure is the longest pause in delivery. Prints figures; never passes or fails on time.
//
//   npx tsc -b && node bench/fleet.mjs [--quick]
import { execFile, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import { HubStatus } from '../dist/src/contract/hub-protocol.js';
import { natsCluster } from './backends.mjs';
import { freePort } from './nats-server.mjs';
import { fmt, section, table } from './report.mjs';
import { percentile, processCpuSeconds } from './stats.mjs';
import {
  atCleanup,
  getJson,
  nextMessage,
  REPO,
  round,
  runAlone,
  sleep,
  tempDir,
  trackChild,
  until,
  within,
} from './support.mjs';

const HOSTS = 50;
const PROCESSES = 5;
const RATE = 1000;
const BIN = join(REPO, 'bin/ioc-wall.js');
const cpus = availableParallelism();
const QUIET = { ...process.env, IOC_LOG_LEVEL: 'error' };

/** `ioc-wall hub` in its own process on the JetStream log; resolved once it listens (bounded). */
async function startHubProcess(dir, logUrls, name, extra = []) {
  const port = await freePort();
  const args = ['hub', '--log', logUrls.join(','), '--hub-name', name, '--port', String(port)];
  args.push('--data-dir', join(dir, `hub-${name}`), ...extra);
  const child = trackChild(spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: QUIET }));
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  await until(`hub ${name} listening`, () => out.includes('listening on') || child.exitCode !== null, 60_000);
  if (child.exitCode !== null) throw new Error(`hub ${name} exited with ${child.exitCode}:\n${err}`);
  atCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    if (!(await within(exited, 10_000))) child.kill('SIGKILL');
  });
  return { name, child, url: `http://127.0.0.1:${port}` };
}

/** Resolves once `hub` lets the device in (the identity stream carried it from the hub it was enrolled on). */
async function admits(hub, credential) {
  await until(
    `hub ${hub.name} to know the bench device`,
    () =>
      new Promise((resolve) => {
        const socket = io(hub.url, {
          transports: ['websocket'],
          auth: credential,
          reconnection: false,
          forceNew: true,
        });
        const done = (ok) => {
          socket.close();
          resolve(ok);
        };
        socket.once('connect', () => done(true));
        socket.once('connect_error', () => done(false));
      }),
    30_000,
    250,
  );
}

/** One bench process of hosts; `request` sends a message and waits (bounded) for the reply of the given type. */
async function startClients(hubs, credentialFile) {
  const child = trackChild(
    fork(new URL('./fleet-client.mjs', import.meta.url), [JSON.stringify({ hubs, credential: credentialFile })], {
      cwd: REPO,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: QUIET,
    }),
  );
  const request = async (msg, reply, ms = 15_000) => {
    const answer = nextMessage(child, reply, ms);
    if (msg) child.send(msg);
    const m = await answer;
    if (!m) throw new Error(`bench hosts did not answer ${msg?.type ?? 'start'} within ${ms} ms`);
    return m;
  };
  await request(null, 'ready', 30_000);
  atCleanup(() => request({ type: 'close' }, 'closed', 5_000).catch(() => child.kill('SIGKILL')));
  return { child, request };
}

/** Every bench process's hosts, in order. */
async function reportAll(procs) {
  const replies = await Promise.all(procs.map((p) => p.request({ type: 'report' }, 'report')));
  return replies.flatMap((r) => r.clients);
}

/** The producer hub's status: the log's heads (summed over topics), whether it holds the lease, its append queue. */
async function logState(hub) {
  const status = HubStatus.parse(await getJson(`${hub.url}/api/status`));
  const events = sum(Object.values(status.topics).map((t) => t.head));
  return { events, producer: status.log.kind === 'jetstream' && status.log.producer, waiting: status.log.waiting ?? 0 };
}

const phase = (procs, since) => Promise.all(procs.map((p) => p.request({ type: 'phase', since }, 'phase-started')));

const median = (values) => percentile(Float64Array.from(values).sort(), 50);
const worst = (values) => (values.length > 0 ? Math.max(...values) : NaN);
const sum = (values) => values.reduce((a, b) => a + b, 0);

function cpuOf(pids) {
  return Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuSeconds(pid)]));
}

/** Each process's CPU between two readings, in % of one core. */
function cpuPercent(before, after, seconds) {
  return Object.fromEntries(Object.keys(before).map((k) => [k, ((after[k] - before[k]) / seconds) * 100]));
}

/** Gaps, duplicates, the client's own gap warnings, snapshots: all should be 0 on a healthy fleet. */
function integrity(clients) {
  const warnings = {};
  for (const c of clients) for (const [w, n] of Object.entries(c.warnings)) warnings[w] = (warnings[w] ?? 0) + n;
  return {
    gaps: sum(clients.map((c) => c.gaps)),
    duplicates: sum(clients.map((c) => c.duplicates)),
    snapshots: sum(clients.map((c) => c.snapshots)),
    warnings,
  };
}

/** Hosts counted by where they are and why (the feed client's state and last error). */
function tally(clients, hubs) {
  const out = {};
  for (const c of clients) {
    const where = `${c.hub === hubs.a.url ? 'hub a' : 'hub b'}, ${c.state}: ${c.lastError ?? 'no error'}`;
    out[where] = (out[where] ?? 0) + 1;
  }
  return out;
}

const integrityLine = (i) =>
  `offsets given to the hosts: ${fmt(i.gaps)} gaps, ${fmt(i.duplicates)} duplicates, ${fmt(i.snapshots)} ` +
  `snapshot restarts; feed client warnings: ${
    Object.entries(i.warnings)
      .map(([w, n]) => `${w} ×${fmt(n)}`)
      .join('; ') || 'none'
  }`;

export async function run({ quick, print }) {
  const steadyS = quick ? 10 : 30;
  const failoverS = quick ? 16 : 30;
  const load0 = loadavg()[0];
  const dir = tempDir('fleet');
  const logUrls = await natsCluster(dir, 1);

  // The device every bench host presents, enrolled on the producer's database before it joins the cluster.
  const credentialFile = join(dir, 'credential.json');
  await promisify(execFile)(
    process.execPath,
    [
      BIN,
      'hub',
      'device',
      'add',
      'fleet-bench',
      '--kind',
      'wall',
      '--out',
      credentialFile,
      '--data-dir',
      join(dir, 'hub-p'),
    ],
    { cwd: REPO, env: QUIET, timeout: 30_000 },
  );
  const credential = JSON.parse(readFileSync(credentialFile, 'utf8'));

  // The producer first, so it holds the producer lease; a and b serve the hosts and produce nothing.
  const producer = await startHubProcess(dir, logUrls, 'p', ['--demo', '--rate', String(RATE)]);
  const a = await startHubProcess(dir, logUrls, 'a');
  const b = await startHubProcess(dir, logUrls, 'b');
  await admits(a, credential);
  await admits(b, credential);

  const perProcess = HOSTS / PROCESSES;
  const procs = [];
  for (let p = 0; p < PROCESSES; p++) {
    const hubs = Array.from({ length: perProcess }, (_, i) =>
      (p * perProcess + i) % 2 === 0 ? [a.url, b.url] : [b.url, a.url],
    );
    procs.push(await startClients(hubs, credentialFile));
  }
  const pids = {
    'hub a': a.child.pid,
    'hub b': b.child.pid,
    'hub p (producer)': producer.child.pid,
    ...Object.fromEntries(procs.map((p, i) => [`bench hosts ${i + 1}`, p.child.pid])),
  };

  // Warm-up: every host has caught up with the log and receives live events (bounded; who did not is said).
  const warmFrom = Date.now();
  await phase(procs, warmFrom);
  let warm = [];
  await until(
    'all hosts receiving live events',
    async () => (warm = await reportAll(procs)).every((c) => c.received > 0),
    60_000,
    500,
  ).catch(() => undefined);
  const cold = tally(
    warm.filter((c) => c.received === 0),
    { a, b },
  );
  await sleep(1000);

  // Phase 1: steady.
  const t0 = Date.now();
  await phase(procs, t0);
  const cpu0 = cpuOf(pids);
  const log0 = await logState(producer);
  await sleep(steadyS * 1000);
  const cpu1 = cpuOf(pids);
  const log1 = await logState(producer);
  const steady = await reportAll(procs);
  const seconds1 = (Date.now() - t0) / 1000;
  const cpu = cpuPercent(cpu0, cpu1, seconds1);

  // Phase 2: hub a SIGKILLed half-way.
  const t1 = Date.now();
  await phase(procs, t1);
  await sleep((failoverS / 2) * 1000);
  const onA = (await reportAll(procs)).map((c) => c.hub === a.url);
  const killedAt = Date.now();
  a.child.kill('SIGKILL');
  for (const p of procs) p.child.send({ type: 'killed', at: killedAt, url: a.url });
  await sleep((failoverS / 2) * 1000);
  const failover = await reportAll(procs);
  const seconds2 = (Date.now() - t1) / 1000;

  const moved = failover.filter((_, i) => onA[i]);
  const resumed = moved.filter((c) => c.firstAfterKill !== null).map((c) => c.firstAfterKill - killedAt);
  const allBack = resumed.length === moved.length && moved.length > 0 ? worst(resumed) : null;
  const reconnected = moved.filter((c) => c.lastMove && c.lastMove.at >= killedAt).map((c) => c.lastMove.at - killedAt);
  const gapsMoved = moved.map((c) => c.longestGap);
  const gapsStayed = failover.filter((_, i) => !onA[i]).map((c) => c.longestGap);
  const onBAtEnd = failover.filter((c) => c.hub === b.url && c.state === 'connected').length;
  const elsewhere = tally(
    failover.filter((x) => !(x.hub === b.url && x.state === 'connected')),
    { a, b },
  );

  const lagP50 = steady.map((c) => c.lagP50);
  const lagP99 = steady.map((c) => c.lagP99);
  const rates = steady.map((c) => c.received / seconds1);
  const logRate = (log1.events - log0.events) / seconds1;
  const steadyIntegrity = integrity(steady);
  const failoverIntegrity = integrity(failover);

  print(
    section(`Fleet: ${HOSTS} hosts on 2 hubs at ${fmt(RATE)} events/s; one hub killed`, [
      `${HOSTS} bench hosts (the host's FeedClient, in ${PROCESSES} processes of ${perProcess}), half on hub a, half on`,
      'hub b (`ioc-wall hub --log`, each its own process) over one nats-server with JetStream (R1, one node).',
      `A third hub process p holds the producer lease and runs the demo at ${fmt(RATE)} events/s; no host is on it, so`,
      "killing hub a stops no production: the pause measured is the hosts' move, not the producer's hand-over.",
      "Lag: the event's time (set when p made it) → handed to the host's sink, same machine clock.",
      `Steady ${fmt(seconds1, 1)} s; then ${fmt(seconds2, 1)} s with hub a SIGKILLed after ${fmt(failoverS / 2)} s.`,
    ]),
  );
  print(
    table(
      ['steady: per host', 'median host', 'worst host'],
      [
        ['events/s given to the host', fmt(median(rates)), fmt(Math.min(...rates))],
        ['lag p50 (ms)', fmt(median(lagP50)), fmt(worst(lagP50))],
        ['lag p99 (ms)', fmt(median(lagP99)), fmt(worst(lagP99))],
        ['lag max (ms)', fmt(median(steady.map((c) => c.lagMax))), fmt(worst(steady.map((c) => c.lagMax)))],
        [
          'longest pause in delivery (ms)',
          fmt(median(steady.map((c) => c.longestGap))),
          fmt(worst(steady.map((c) => c.longestGap))),
        ],
      ],
    ),
  );
  for (const [where, n] of Object.entries(cold))
    print(`   no live event after 60 s of warm-up: ${fmt(n)} × (${where})`);
  print(`   ${integrityLine(steadyIntegrity)}`);
  print(
    `   the log grew by ${fmt(logRate)} events/s (hub p ${log1.producer ? 'holds' : 'does NOT hold'} the producer ` +
      `lease; ${fmt(log1.waiting)} events waiting to be appended at the end)`,
  );
  print('');
  print(
    table(
      ['process (steady phase)', 'CPU % of one core'],
      Object.entries(cpu).map(([k, v]) => [k, fmt(v, 1)]),
    ),
  );
  print('');
  print(
    table(
      ['hub a killed', 'hosts', 'median', 'max'],
      [
        ['longest pause, hosts that moved (ms)', fmt(gapsMoved.length), fmt(median(gapsMoved)), fmt(worst(gapsMoved))],
        ['longest pause, hosts on hub b (ms)', fmt(gapsStayed.length), fmt(median(gapsStayed)), fmt(worst(gapsStayed))],
        ['kill → connected to hub b (ms)', fmt(reconnected.length), fmt(median(reconnected)), fmt(worst(reconnected))],
        [
          'kill → first event from hub b (ms)',
          fmt(resumed.length),
          fmt(median(resumed)),
          fmt(allBack ?? worst(resumed)),
        ],
      ],
    ),
  );
  print(
    `   all ${fmt(moved.length)} hosts of hub a receiving from hub b ${allBack === null ? `— NOT all: ${resumed.length} did` : `${fmt(allBack)} ms after the kill`}; ` +
      `${fmt(onBAtEnd)} of ${HOSTS} on hub b at the end`,
  );
  print(
    `   at the kill ${fmt(moved.length)} hosts were on hub a and ${fmt(HOSTS - moved.length)} on hub b (half started on ` +
      'each; a host whose first try timed out went on to the other)',
  );
  for (const [where, n] of Object.entries(elsewhere)) print(`   not on hub b at the end: ${fmt(n)} × (${where})`);
  print(`   ${integrityLine(failoverIntegrity)}`);
  print(`   load average (1 min) ${fmt(load0, 2)} at the start, ${fmt(loadavg()[0], 2)} at the end (${cpus} cores)`);

  return {
    bench: 'fleet',
    hosts: HOSTS,
    rate: RATE,
    nats: 'one node, R1',
    loadAverage: [load0, loadavg()[0]],
    steady: {
      seconds: round(seconds1, 1),
      logEventsPerSecond: round(logRate),
      eventsPerSecondMedian: round(median(rates)),
      lagP50Median: round(median(lagP50)),
      lagP50Worst: round(worst(lagP50)),
      lagP99Median: round(median(lagP99)),
      lagP99Worst: round(worst(lagP99)),
      cpuPercent: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v, 1)])),
      coldAfterWarmUp: cold,
      ...steadyIntegrity,
    },
    failover: {
      seconds: round(seconds2, 1),
      moved: moved.length,
      longestPauseMovedMedian: round(median(gapsMoved)),
      longestPauseMovedMax: round(worst(gapsMoved)),
      longestPauseStayedMax: round(worst(gapsStayed)),
      connectedMedianMs: round(median(reconnected)),
      connectedMaxMs: round(worst(reconnected)),
      allBackMs: allBack,
      onBAtEnd,
      elsewhere,
      ...failoverIntegrity,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
