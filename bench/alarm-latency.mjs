// Alarm latency: a value published to the hub at time T crosses a rule's threshold → the alarm's record reaches a
// bridge client of a host (as a console or wall page receives it), p50/p95 (target p95 < 1 s). The hub's alarm
// engine evaluates the event as it is appended; the host relays the record like any event. The value goes above
// and back below the limit in turn, a new activation each time. Prints figures; never passes or fails on time.
//
//   npx tsc -b && node bench/alarm-latency.mjs [--quick]
import { join } from 'node:path';
import { fmt, section, table, targetLines } from './report.mjs';
import { summarize } from './stats.mjs';
import {
  connectBridge,
  connected,
  getJson,
  removeDir,
  runAlone,
  sleep,
  startBenchHub,
  startHostProcess,
  tempDir,
  until,
} from './support.mjs';

const TARGET_P95_MS = 1000;
const RULE = {
  id: 'bench-cpi',
  kind: 'threshold',
  name: 'CPI vượt ngưỡng (đo độ trễ)',
  priority: 'high',
  area: { province: '01', unit: null },
  watch: { topic: 'econ.indicators', key: '01:cpi' },
  direction: 'above',
  limit: 4,
};
const ALARM_ID = 'bench-cpi:01:cpi';

function cpi(value, time) {
  return {
    topic: 'econ.indicators',
    key: '01:cpi',
    source: 'bench',
    time,
    payload: {
      province: '01',
      indicator: 'cpi',
      value,
      period: '2026-11',
      status: 'preliminary',
      sourceSystem: 'bench',
    },
  };
}

export async function run({ quick, print }) {
  const rounds = quick ? 10 : 60;
  print(
    section('alarm latency: value published → alarm record at a host bridge client (ms)', [
      `${rounds} activations of one threshold rule: hub.publish() of a value above the limit at T, then the time the`,
      `host's bridge client (socket.io-client, the console token, websocket) receives the ops.alerts record with that`,
      `activation; the value goes back below the limit between rounds. The hub, publisher and bridge client share this`,
      `process; the host runs in its own. Includes the host's feed broadcast (every 66 ms at most).`,
    ]),
  );
  const dir = tempDir('alarm-latency');
  const hub = await startBenchHub(join(dir, 'hub-events.sqlite'));
  const now = Date.now();
  hub.publish([
    {
      topic: 'alarm.rules',
      key: RULE.id,
      source: 'bench',
      time: now,
      payload: { rule: RULE, version: 1, deleted: false, savedBy: 'bench', savedAt: now },
    },
    cpi(3, now),
  ]);
  const host = await startHostProcess(hub, join(dir, 'host'));
  const bridge = connectBridge(host.origin, host.token);
  await connected(bridge);
  await until(
    'the host to connect to the hub',
    async () => (await getJson(`${host.origin}/api/status?token=${host.token}`)).feed.state === 'connected',
    10_000,
  );
  await sleep(200);

  const seen = new Map(); // activation count → arrival time
  bridge.on('feed', (events) => {
    const at = Date.now();
    for (const e of events) {
      if (e.topic === 'ops.alerts' && e.key === ALARM_ID && e.payload.conditionActive) {
        if (!seen.has(e.payload.activationCount)) seen.set(e.payload.activationCount, at);
      }
    }
  });
  const latencies = [];
  let missing = 0;
  for (let n = 1; n <= rounds; n++) {
    const t = Date.now();
    hub.publish([cpi(5, t)]);
    const arrived = await until(`activation ${n}`, () => seen.get(n), 5_000).catch(() => undefined);
    if (arrived === undefined) missing++;
    else latencies.push(arrived - t);
    hub.publish([cpi(3, Date.now())]);
    await sleep(quick ? 50 : 150);
  }
  bridge.close();
  await host.close();
  await hub.close();
  removeDir(dir);

  const s = summarize(latencies);
  print(
    table(
      ['path', 'alarms', 'missing', 'p50', 'p95', 'max'],
      [['publish → alarm at bridge client', fmt(s.n), fmt(missing), fmt(s.p50), fmt(s.p95), fmt(s.max)]],
    ),
  );
  const targets = [
    {
      what: 'p95 value published → alarm at a host < 1 s',
      measured: `${fmt(s.p95)} ms`,
      met: s.n > 0 ? s.p95 < TARGET_P95_MS : null,
    },
  ];
  print(targetLines(targets));
  return {
    bench: 'alarm-latency',
    alarms: s.n,
    missing,
    ms: { p50: s.p50, p95: s.p95, max: s.max },
    targets,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
