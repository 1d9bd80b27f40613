// Rule evaluation: events/s through 1,000 alarm rules (target ≥ 50,000/s), on the compiled evaluator. The rules
// are a centre's plausible mix over the 34 provinces × 5 indicators, the live counters and the tasks — thresholds
// with deadband and delays, rates, plan deviation, stale feeds, tasks due — some per key, some over a pattern. The
// events replay a deterministic stream with the evaluator's clock ticked once per simulated second, as the host
// does. Prints figures; never passes or fails on time.
//
//   npx tsc -b && node bench/alarm-rules.mjs [--quick]
import { AlarmRuleSet } from '../dist/src/domain/alarms/alarm-rules.js';
import { createEvaluator, evaluate, tick } from '../dist/src/domain/alarms/rule-evaluator.js';
import { PROVINCE_CODES } from '../dist/src/domain/provinces.js';
import { fmt, section, table, targetLines } from './report.mjs';
import { random, round, runAlone } from './support.mjs';

const TARGET = 50_000;
const RULES = 1000;
const INDICATORS = ['gdp_growth', 'cpi', 'fdi', 'disbursement', 'new_businesses'];
const METRICS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'];
const T0 = Date.UTC(2026, 10, 27, 1, 0);

function makeRules(rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const rules = [];
  for (let i = 0; i < RULES; i++) {
    const province = pick(PROVINCE_CODES);
    const indicator = pick(INDICATORS);
    const base = {
      id: `r-${i}`,
      name: `Quy tắc ${i}`,
      priority: pick(['emergency', 'high', 'medium', 'low', 'low', 'low']),
      area: { province, unit: null },
      watch: { topic: 'econ.indicators', key: `${province}:${indicator}` },
    };
    const slot = i % 20;
    if (slot < 8) {
      rules.push({
        ...base,
        kind: 'threshold',
        direction: pick(['above', 'below']),
        limit: 40 + rnd() * 20,
        deadband: 2,
        onDelayS: pick([0, 30]),
        offDelayS: pick([0, 60]),
      });
    } else if (slot < 11) {
      rules.push({ ...base, kind: 'rate', windowS: 300, change: 5, direction: 'either' });
    } else if (slot < 14) {
      const plan = [3, 6, 9, 12].map((month) => ({ month, target: month * 8 }));
      rules.push({
        ...base,
        watch: { topic: 'econ.indicators', key: `${province}:disbursement` },
        kind: 'plan-deviation',
        plan,
        tolerance: 10,
        direction: 'behind',
      });
    } else if (slot < 16) {
      rules.push({ ...base, kind: 'stale', maxAgeS: 600 });
    } else if (slot < 18) {
      // Over every province: the payload names the province.
      rules.push({
        ...base,
        area: { province: null, unit: null },
        watch: { topic: 'econ.indicators', key: `*:${indicator}` },
        kind: 'threshold',
        direction: 'above',
        limit: 55 + rnd() * 10,
        deadband: 1,
      });
    } else if (slot < 19) {
      rules.push({
        ...base,
        area: { province: null, unit: 'Văn phòng Chính phủ' },
        watch: { topic: 'gov.tasks', key: '*' },
        kind: 'task-due',
        dueWithinDays: pick([null, 3, 7]),
      });
    } else {
      rules.push({
        ...base,
        area: { province: null, unit: null },
        watch: { topic: 'econ.live', key: pick(METRICS) },
        kind: 'stale',
        maxAgeS: 60,
      });
    }
  }
  return AlarmRuleSet.parse(rules);
}

/** Events of a busy centre: indicators of every province (most of the load), live counters, task updates. */
function makeEvents(rnd, count) {
  const values = new Map();
  const tasks = new Map();
  const events = new Array(count);
  for (let i = 0; i < count; i++) {
    // One event a millisecond of the recording (1,000/s): the rate at which a room replays a backlog.
    const time = T0 + i;
    const r = rnd();
    if (r < 0.9) {
      const province = PROVINCE_CODES[Math.floor(rnd() * PROVINCE_CODES.length)];
      const indicator = INDICATORS[Math.floor(rnd() * INDICATORS.length)];
      const key = `${province}:${indicator}`;
      const value = Math.max(0, Math.min(100, (values.get(key) ?? 50) + (rnd() - 0.5) * 0.5));
      values.set(key, value);
      events[i] = {
        topic: 'econ.indicators',
        key,
        time,
        payload: { province, indicator, value, period: '2026-11', status: 'preliminary', sourceSystem: 'bench' },
      };
    } else if (r < 0.97) {
      const metric = METRICS[Math.floor(rnd() * METRICS.length)];
      events[i] = { topic: 'econ.live', key: metric, time, payload: { metric, value: i, sourceSystem: 'bench' } };
    } else {
      // 500 tasks, each with its due date; now and then one is done, and stays done.
      const id = `task-${Math.floor(rnd() * 500)}`;
      const task = tasks.get(id) ?? {
        due: new Date(T0 + Math.floor(rnd() * 30 - 10) * 86_400_000).toISOString().slice(0, 10),
        status: 'in_progress',
      };
      if (rnd() < 0.02) task.status = 'done_on_time';
      tasks.set(id, task);
      const { due, status } = task;
      events[i] = {
        topic: 'gov.tasks',
        key: id,
        time,
        payload: { id, title: 'Nhiệm vụ', assignedBy: 'government', unit: 'Bộ', dueDate: due, status },
      };
    }
  }
  return events;
}

/** Rules an event meets on average (what the index saves: the others are never looked at). */
function rulesPerEvent(rules, events) {
  const frequency = new Map();
  for (const e of events) frequency.set(`${e.topic} ${e.key}`, (frequency.get(`${e.topic} ${e.key}`) ?? 0) + 1);
  const matchers = rules.map((r) => ({
    topic: r.watch.topic,
    key: new RegExp(
      `^${r.watch.key
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ),
  }));
  let total = 0;
  for (const [route, n] of frequency) {
    const [topic, key] = route.split(' ');
    total += n * matchers.filter((m) => m.topic === topic && m.key.test(key)).length;
  }
  return total / events.length;
}

function pass(rules, events) {
  let state = createEvaluator(rules, T0);
  const kindOf = new Map(rules.map((r) => [r.id, r.kind]));
  const byKind = {};
  const count = (list) => {
    for (const a of list) byKind[kindOf.get(a.ruleId)] = (byKind[kindOf.get(a.ruleId)] ?? 0) + 1;
    return list.length;
  };
  let activations = 0;
  let clears = 0;
  let nextTick = T0 + 1000;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  for (const event of events) {
    if (event.time >= nextTick) {
      const t = tick(state, nextTick);
      state = t.state;
      activations += count(t.activations);
      clears += t.clears.length;
      nextTick += 1000;
    }
    const e = evaluate(state, event);
    state = e.state;
    activations += count(e.activations);
    clears += e.clears.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const instances = state.instances.reduce((n, m) => n + m.size, 0);
  return {
    seconds,
    cpuSeconds,
    rate: events.length / seconds,
    cpuRate: events.length / cpuSeconds,
    activations,
    byKind,
    clears,
    instances,
  };
}

export async function run({ quick, print }) {
  const rnd = random(2025);
  const rules = makeRules(rnd);
  const count = quick ? 100_000 : 1_000_000;
  const events = makeEvents(rnd, count);
  pass(rules, events.slice(0, 50_000)); // warm-up: let the JIT compile the hot path
  const runs = [1, 2, 3].map(() => pass(rules, events));
  const best = runs.reduce((a, b) => (b.rate > a.rate ? b : a));
  const median = [...runs].sort((a, b) => a.rate - b.rate)[1];
  print(
    section('Rule evaluation: events through 1,000 alarm rules', [
      `${fmt(rules.length)} rules (threshold, rate, plan deviation, stale, task due; 15 % over a key pattern), ` +
        `${fmt(count)} events, 3 passes after a warm-up; clock ticked every simulated second; ` +
        `an event meets ${fmt(rulesPerEvent(rules, events), 1)} rules on average`,
    ]),
  );
  print(
    table(
      ['pass', 'seconds', 'events/s', 'CPU s', 'events/CPU-s', 'activations', 'clears', 'instances'],
      runs.map((r, i) => [
        i + 1,
        fmt(r.seconds, 2),
        fmt(r.rate),
        fmt(r.cpuSeconds, 2),
        fmt(r.cpuRate),
        fmt(r.activations),
        fmt(r.clears),
        fmt(r.instances),
      ]),
    ),
  );
  print(
    `  activations by kind: ${Object.entries(median.byKind)
      .map(([k, n]) => `${k} ${fmt(n)}`)
      .join(', ')}`,
  );
  const targets = [
    {
      what: `≥ ${fmt(TARGET)} events/s through 1,000 rules (median)`,
      measured: fmt(median.rate),
      met: median.rate >= TARGET,
    },
  ];
  print(targetLines(targets));
  return {
    bench: 'alarm-rules',
    rules: rules.length,
    events: count,
    medianEventsPerSecond: round(median.rate),
    bestEventsPerSecond: round(best.rate),
    activations: median.activations,
    targets,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
