// 2. Latency: an event handed to the hub at time T (its `time` field) → committed in the host's cache, and →
// received by a bridge client (a wall page's connection), at steady rates; p50/p99 per rate.
import { join } from 'node:path';
import { benchEvent } from './events.mjs';
import { fmt, section, table, targetLines } from './report.mjs';
import { summarize } from './stats.mjs';
import {
  committedReader,
  connectBridge,
  connected,
  getJson,
  removeDir,
  sleep,
  startBenchHub,
  startHostProcess,
  tempDir,
  until,
  waitCommitted,
} from './support.mjs';

const TICK_MS = 10;
const POLL_MS = 5;

/**
 * Publishes `rate` events/s for warmMs + measureMs in ticks of 10 ms (rate/100 per tick, catching up on late
 * ticks, never more than 5 ticks' worth at once), each event's `time` = Date.now() when its tick handed it to the
 * hub. Events of the warm-up are not counted.
 */
async function phase({ hub, reader, bridge, rate, warmMs, measureMs, startIndex }) {
  const emitted = new Map(); // topic → Float64Array indexed by offset: emit time of measured events (0: not measured)
  const heads0 = hub.heads();
  const capacity = Math.ceil(((warmMs + measureMs) * rate) / 1000) + rate;
  for (const [topic, head] of Object.entries(heads0))
    emitted.set(topic, { base: head, times: new Float64Array(capacity) });
  const commitLat = [];
  const recvLat = [];
  let measured = 0;
  let received = 0;

  const t0 = Date.now();
  const measureFrom = t0 + warmMs;
  const measureTo = measureFrom + measureMs;
  bridge.on('feed', (events) => {
    const now = Date.now();
    for (const e of events) {
      if (e.time >= measureFrom && e.time < measureTo) {
        recvLat.push(now - e.time);
        received++;
      }
    }
  });

  let i = startIndex;
  let sent = 0;
  let publishing = true;
  const timer = setInterval(() => {
    const now = Date.now();
    if (now >= measureTo) {
      publishing = false;
      clearInterval(timer);
      return;
    }
    const due = Math.min(Math.floor(((now - t0) * rate) / 1000) - sent, Math.ceil((rate * TICK_MS * 5) / 1000));
    if (due <= 0) return;
    const batch = new Array(due);
    for (let k = 0; k < due; k++) batch[k] = benchEvent(i++, now);
    const out = hub.publish(batch);
    sent += due;
    if (now < measureFrom) return;
    for (const e of out) {
      const slot = emitted.get(e.topic);
      const idx = e.offset - slot.base;
      if (idx < slot.times.length) slot.times[idx] = now;
    }
    measured += due;
  }, TICK_MS);

  // Committed: poll topic_offsets; every offset that appeared since the last poll was committed by now.
  let last = reader.read();
  const deadline = measureTo + 15_000;
  const pollCommitted = () => {
    const now = Date.now();
    const cur = reader.read();
    for (const [topic, slot] of emitted) {
      const from = Math.max(last[topic] ?? 0, slot.base);
      const to = cur[topic] ?? 0;
      for (let o = from + 1; o <= to; o++) {
        const idx = o - slot.base;
        const at = idx < slot.times.length ? slot.times[idx] : 0;
        if (at > 0) commitLat.push(now - at);
      }
    }
    last = cur;
  };
  while ((publishing || commitLat.length < measured || received < measured) && Date.now() < deadline) {
    pollCommitted();
    await sleep(POLL_MS);
  }
  pollCommitted();
  clearInterval(timer);
  bridge.off('feed');
  const heads = hub.heads();
  // Let the host finish what it holds before the next phase.
  await waitCommitted(reader, heads, { timeoutMs: 15_000, pollMs: 20 });
  return {
    rate,
    achievedRate: (measured / measureMs) * 1000,
    measured,
    committed: summarize(commitLat),
    received: summarize(recvLat),
    missing: { committed: measured - commitLat.length, received: measured - received },
    nextIndex: i,
  };
}

export async function run({ quick, print }) {
  const rates = [1_000, 10_000];
  const warmMs = quick ? 500 : 1_000;
  const measureMs = quick ? 1_000 : 10_000;
  print(
    section('2. latency: hub emit → committed in the cache, and → received by a bridge client (ms)', [
      `${rates.map((r) => fmt(r)).join(' and ')} events/s for ${fmt(measureMs / 1000)} s each after ${fmt(warmMs / 1000, 1)} s of warm-up;`,
      `published with hub.publish() every ${TICK_MS} ms (rate/100 events per tick), each event's time = Date.now() at publish.`,
      `received: a bridge client (socket.io-client, the host's token and origin, websocket) timestamps each 'feed'`,
      `event on arrival. committed: the host's topic_offsets, read every ${POLL_MS} ms by a read-only connection; an`,
      `offset first seen at a poll counts as committed then (adds 0–${POLL_MS} ms). The host's FeedCache commits every`,
      `150 ms (flushMs) or 5,000 events (maxBatch). Hub, publisher, poller and bridge client share this process;`,
      `the host runs in its own.`,
    ]),
  );
  const dir = tempDir('latency');
  const hub = await startBenchHub(join(dir, 'hub-events.sqlite'));
  const host = await startHostProcess(hub, join(dir, 'host'));
  const reader = committedReader(host.cacheFile);
  const bridge = connectBridge(host.origin, host.token);
  await connected(bridge);
  await until(
    'the host to connect to the hub',
    async () => (await getJson(`${host.origin}/api/status?token=${host.token}`)).feed.state === 'connected',
    10_000,
  );
  await sleep(200); // the subscription is answered

  const phases = [];
  let index = 0;
  for (const rate of rates) {
    const p = await phase({ hub, reader, bridge, rate, warmMs, measureMs, startIndex: index });
    index = p.nextIndex;
    phases.push(p);
    await sleep(500);
  }
  bridge.close();
  reader.close();
  await host.close();
  await hub.close();
  removeDir(dir);

  const rows = [];
  for (const p of phases) {
    for (const [what, s, missing] of [
      ['emit → committed', p.committed, p.missing.committed],
      ['emit → bridge client', p.received, p.missing.received],
    ]) {
      rows.push([
        fmt(p.rate),
        fmt(p.achievedRate),
        what,
        fmt(s.n),
        fmt(missing),
        fmt(s.p50),
        fmt(s.p90),
        fmt(s.p99),
        fmt(s.max),
      ]);
    }
  }
  print(table(['rate/s', 'achieved/s', 'path', 'events', 'missing', 'p50', 'p90', 'p99', 'max'], rows));
  const at1k = phases[0];
  const targets = [
    {
      what: 'p99 emit → committed at 1,000/s < 250 ms',
      measured: `${fmt(at1k.committed.p99)} ms`,
      met: at1k.committed.n > 0 ? at1k.committed.p99 < 250 : null,
    },
    {
      what: 'p99 emit → bridge client at 1,000/s < 250 ms',
      measured: `${fmt(at1k.received.p99)} ms`,
      met: at1k.received.n > 0 ? at1k.received.p99 < 250 : null,
    },
  ];
  print(targetLines(targets));
  return {
    bench: 'latency',
    measureSeconds: measureMs / 1000,
    phases: phases.map((p) => ({
      rate: p.rate,
      achievedRate: Math.round(p.achievedRate),
      events: p.measured,
      committedMs: pick(p.committed),
      bridgeMs: pick(p.received),
      missing: p.missing,
    })),
    targets,
  };
}

const pick = (s) => ({ n: s.n, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max, mean: Math.round(s.mean * 10) / 10 });
