import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlarmRule } from './alarm-rules.js';
import {
  type Evaluation,
  type EvaluatorState,
  type RuleEvent,
  createEvaluator,
  dryRun,
  evaluate,
  tick,
} from './rule-evaluator.js';

/** 08:00 on Friday 27/11/2026 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 27, 1, 0);
const S = 1000;
const DAY = 86_400_000;

/** A rule of the fields given over a base; parsed, so a mistake in a test's rule fails loudly. */
const rule = (extra: { kind: AlarmRule['kind'] } & Record<string, unknown>): AlarmRule =>
  AlarmRule.parse({
    id: 'r',
    name: 'CPI Hà Nội',
    priority: 'high',
    area: { province: '01', unit: null },
    watch: { topic: 'econ.indicators', key: '01:cpi' },
    ...extra,
  });

const at = (s: number, payload: unknown, key = '01:cpi', topic = 'econ.indicators'): RuleEvent => ({
  topic,
  key,
  time: T0 + s * S,
  payload: typeof payload === 'number' ? { value: payload } : payload,
});

/**
 * Feeds events, and ticks where a step is a number of seconds; returns what happened as `+rule@s` (the alarm rose,
 * s seconds after T0) and `-rule@s` (it cleared).
 */
function feed(rules: AlarmRule[], steps: (RuleEvent | number)[], state?: EvaluatorState): string[] {
  let s = state ?? createEvaluator(rules, T0);
  const log: string[] = [];
  for (const step of steps) {
    const e: Evaluation = typeof step === 'number' ? tick(s, T0 + step * S) : evaluate(s, step);
    s = e.state;
    for (const a of e.activations) log.push(`+${a.dedupKey}@${(a.time - T0) / S}`);
    for (const c of e.clears) log.push(`-${c.dedupKey}@${(c.time - T0) / S}`);
  }
  return log;
}

describe('threshold rules', () => {
  const cpi = (extra: Record<string, unknown> = {}) =>
    rule({ kind: 'threshold', direction: 'above', limit: 4, dedupKey: 'cpi', ...extra });

  it('rises above the limit and clears only once back by the deadband', () => {
    const values = [3.9, 4.1, 3.8, 3.5, 4.0, 4.01];
    expect(
      feed(
        [cpi({ deadband: 0.5 })],
        values.map((v, s) => at(s, v)),
      ),
    ).toEqual(['+cpi@1', '-cpi@3', '+cpi@5']);
    // Without a deadband the same values chatter.
    expect(
      feed(
        [cpi()],
        values.map((v, s) => at(s, v)),
      ),
    ).toEqual(['+cpi@1', '-cpi@2', '+cpi@5']);
  });

  it('below: rises under the limit, clears at it', () => {
    const low = cpi({ direction: 'below', limit: 10 });
    expect(feed([low], [at(0, 12), at(1, 9), at(2, 10)])).toEqual(['+cpi@1', '-cpi@2']);
  });

  it('on-delay: the value must stay over the limit for the delay; the alarm rises at the end of it', () => {
    const delayed = cpi({ onDelayS: 60, offDelayS: 30 });
    expect(feed([delayed], [at(0, 5), at(30, 5), 59, 60])).toEqual(['+cpi@60']);
    // A dip cancels the wait; a later event past the deadline finds the alarm risen at its own instant.
    expect(feed([delayed], [at(0, 5), at(30, 3), 100, at(140, 5), at(200, 5)])).toEqual(['+cpi@200']);
    expect(feed([delayed], [at(0, 5), at(40, 5), at(100, 5)])).toEqual(['+cpi@60']);
  });

  it('off-delay: the value must stay back for the delay before the alarm clears', () => {
    const delayed = cpi({ offDelayS: 30 });
    expect(feed([delayed], [at(0, 5), at(10, 3), at(20, 5), at(30, 3), 59, 60])).toEqual(['+cpi@0', '-cpi@60']);
  });

  it('reports the value and the limit; ignores events without a number', () => {
    let s = createEvaluator([cpi({ field: 'figures.yoy' })], T0);
    for (const payload of [null, 'x', { figures: { yoy: 'cao' } }, { figures: { yoy: Number.NaN } }, { value: 9 }]) {
      const e = evaluate(s, at(0, payload));
      expect(e.activations).toEqual([]);
      s = e.state;
    }
    const e = evaluate(s, at(1, { figures: { yoy: 4.5 } }));
    expect(e.activations).toEqual([
      {
        ruleId: 'r',
        dedupKey: 'cpi',
        topic: 'econ.indicators',
        key: '01:cpi',
        time: T0 + S,
        value: 4.5,
        threshold: 4,
        priority: 'high',
        title: 'CPI Hà Nội',
        area: { province: '01', unit: null },
      },
    ]);
  });

  it('an event older than the latest counts as arriving now', () => {
    expect(feed([cpi({ onDelayS: 60 })], [at(100, 3), at(50, 5), 159, 160])).toEqual(['+cpi@160']);
  });
});

describe('rate of change rules', () => {
  const rate = (direction: 'rise' | 'fall' | 'either') =>
    rule({ kind: 'rate', windowS: 60, change: 10, direction, dedupKey: 'rate' });

  it('compares the newest value with the oldest within the window', () => {
    const series = [at(0, 100), at(30, 105), at(50, 111), at(90, 112), at(100, 125)];
    // 111−100 = 11 > 10 at 50 s; at 90 s the oldest within 60 s is 105 (+7); at 100 s it is 111 (+14).
    expect(feed([rate('rise')], series)).toEqual(['+rate@50', '-rate@90', '+rate@100']);
    expect(feed([rate('fall')], series)).toEqual([]);
    expect(feed([rate('fall')], [at(0, 100), at(10, 95), at(20, 85)])).toEqual(['+rate@20']);
    expect(feed([rate('either')], [at(0, 100), at(10, 89), at(20, 100)])).toEqual(['+rate@10', '-rate@20']);
  });
});

describe('plan deviation rules', () => {
  const plan = rule({
    kind: 'plan-deviation',
    watch: { topic: 'econ.indicators', key: '01:disbursement' },
    dedupKey: 'plan',
    direction: 'behind',
    tolerance: 10,
    plan: [
      { month: 3, target: 20 },
      { month: 6, target: 45 },
      { month: 9, target: 70 },
      { month: 12, target: 95 },
    ],
  });
  const report = (s: number, value: number, period?: string) => at(s, { value, period }, '01:disbursement');

  it('compares the value with the target of its month, from the period or else the event’s month', () => {
    expect(
      feed(
        [plan],
        [
          report(0, 40, '2026-06'), // 5 points behind 45: within tolerance
          report(1, 30, '2026-06'), // 15 behind
          report(2, 30, '2026-05'), // May still has March's 20: ahead
          report(3, 55), // November (T0): September's 70, 15 behind
          report(4, 15, '2026-Q1'), // Q1 ends in March: 20, 5 behind
        ],
      ),
    ).toEqual(['+plan@1', '-plan@2', '+plan@3', '-plan@4']);
    const e = dryRun(plan, [report(0, 30, '2026-06')], { from: T0, to: T0 + S });
    expect(e.activations[0]).toMatchObject({ value: 30, threshold: 45 });
  });
});

describe('stale feed rules', () => {
  const stale = (key: string, scope: 'any-key' | 'each-key' = 'any-key') =>
    rule({ kind: 'stale', watch: { topic: 'econ.indicators', key }, maxAgeS: 60, scope, dedupKey: 'stale:{key}' });

  it('rises when a key has been silent for its period, counted from the start, and clears on the next event', () => {
    expect(feed([stale('01:cpi')], [59, 60])).toEqual(['+stale:01:cpi@60']);
    expect(feed([stale('01:cpi')], [at(30, 1), 89, 90, at(100, 1), 159, 160])).toEqual([
      '+stale:01:cpi@90',
      '-stale:01:cpi@100',
      '+stale:01:cpi@160',
    ]);
    const e = dryRun(stale('01:cpi'), [], { from: T0, to: T0 + 100 * S });
    expect(e.activations[0]).toMatchObject({ value: 60, threshold: 60, time: T0 + 60 * S });
  });

  it('each key of a pattern on its own, or the keys together', () => {
    const events = [at(0, 1, '01:cpi'), at(30, 1, '79:cpi'), at(40, 1, '01:gdp_growth')];
    expect(feed([stale('*:cpi', 'each-key')], [...events, 100])).toEqual(['+stale:01:cpi@60', '+stale:79:cpi@90']);
    expect(feed([stale('*:cpi')], [...events, 100])).toEqual(['+stale:*:cpi@90']);
  });
});

describe('task due rules', () => {
  const task = (dueWithinDays: number | null) =>
    rule({
      kind: 'task-due',
      watch: { topic: 'gov.tasks', key: '*' },
      area: { province: null, unit: 'Văn phòng Chính phủ' },
      dedupKey: 'task:{key}',
      dueWithinDays,
    });
  const update = (s: number, status: string, dueDate = '2026-11-30') =>
    at(s, { id: 't1', title: 'Báo cáo', dueDate, status }, 't1', 'gov.tasks');
  /** Midnight starting a day in Hà Nội, in seconds after T0. */
  const vnMidnight = (day: number) => (Date.UTC(2026, 10, day) - 7 * 3_600_000 - T0) / S;

  it('rises when the task enters its window, at the start of that day in Hà Nội, and clears when done', () => {
    // Due 30/11; at T0 (27/11) three days are left.
    expect(feed([task(3)], [update(0, 'in_progress')])).toEqual(['+task:t1@0']);
    const twoDays = vnMidnight(28);
    expect(feed([task(2)], [update(0, 'in_progress'), twoDays - 1, twoDays])).toEqual([`+task:t1@${twoDays}`]);
    const overdue = vnMidnight(31); // 1/12
    expect(feed([task(null)], [update(0, 'in_progress'), overdue, update(overdue + 5, 'done_late')])).toEqual([
      `+task:t1@${overdue}`,
      `-task:t1@${overdue + 5}`,
    ]);
  });

  it('a task done, or moved later, before its window never rises; a source saying overdue rises at once', () => {
    expect(feed([task(2)], [update(0, 'in_progress'), update(10, 'done_on_time'), vnMidnight(35)])).toEqual([]);
    expect(
      feed([task(2)], [update(0, 'in_progress'), update(10, 'in_progress', '2026-12-20'), vnMidnight(35)]),
    ).toEqual([]);
    expect(feed([task(null)], [update(0, 'overdue', '2027-01-01')])).toEqual(['+task:t1@0']);
    expect(feed([task(0)], [at(0, { status: 'in_progress', dueDate: '30/11/2026' }, 't1', 'gov.tasks'), 9e6])).toEqual(
      [],
    );
  });

  it('a task updated again and again waits on one timer', () => {
    let s = createEvaluator([task(2)], T0);
    for (let i = 0; i < 100; i++) s = evaluate(s, update(i, 'in_progress')).state;
    expect(s.timers.size).toBe(1);
  });

  it('reports the days left against the window', () => {
    const { activations } = dryRun(task(2), [update(0, 'in_progress')], { from: T0, to: T0 + DAY });
    expect(activations[0]).toMatchObject({ value: 2, threshold: 2, area: { province: null } });
  });
});

describe('the evaluator', () => {
  it('touches only the rules that watch the event’s topic and key; a pattern matches per key', () => {
    const all = rule({
      id: 'all-disbursement',
      name: 'Giải ngân thấp',
      kind: 'threshold',
      direction: 'below',
      limit: 30,
      area: { province: null, unit: null },
      watch: { topic: 'econ.indicators', key: '*:disbursement' },
      dedupKey: '{rule}/{province}/{topic}',
    });
    const exact = rule({ id: 'exact', kind: 'threshold', direction: 'above', limit: 0 });
    let s = createEvaluator([exact, all], T0);
    s = evaluate(s, at(0, { value: 5 }, '01:gdp_growth')).state;
    s = evaluate(s, at(0, { value: 5 }, '01:cpi', 'econ.live')).state;
    expect(s.instances.map((m) => m.size)).toEqual([0, 0]);
    const e = evaluate(s, at(1, { value: 12, province: '79' }, '79:disbursement'));
    expect(e.activations).toMatchObject([
      {
        ruleId: 'all-disbursement',
        dedupKey: 'all-disbursement/79/econ.indicators',
        title: 'Giải ngân thấp — TP Hồ Chí Minh',
        area: { province: '79', unit: null },
      },
    ]);
    // A pattern's special characters are literal; a province that is not one is not taken.
    const dotted = rule({ kind: 'threshold', direction: 'above', limit: 0, watch: { topic: 't', key: 'a.b*' } });
    expect(feed([dotted], [at(0, 1, 'axb1', 't'), at(1, { value: 1, province: '99' }, 'a.b2', 't')])).toEqual([
      '+r:a.b2@1',
    ]);
  });

  it('never throws on hostile payloads, keys or times', () => {
    const rules = [
      rule({ id: 'a', kind: 'threshold', direction: 'above', limit: 0, watch: { topic: 't', key: '*' } }),
      rule({ id: 'b', kind: 'rate', windowS: 5, change: 1, direction: 'either', watch: { topic: 't', key: '*' } }),
      rule({
        id: 'c',
        kind: 'plan-deviation',
        plan: [{ month: 1, target: 1 }],
        tolerance: 1,
        direction: 'either',
        watch: { topic: 't', key: '*' },
      }),
      rule({ id: 'd', kind: 'task-due', dueWithinDays: 1, watch: { topic: 't', key: '*' } }),
      rule({ id: 'e', kind: 'stale', maxAgeS: 1, scope: 'each-key', watch: { topic: 't', key: '*' } }),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.string(), time: fc.oneof(fc.double(), fc.integer()), payload: fc.anything() })),
        (events) => {
          let s = createEvaluator(rules, 0);
          for (const e of events) {
            const r = evaluate(s, { topic: 't', ...e });
            for (const a of r.activations) expect(a.value === null || Number.isFinite(a.value)).toBe(true);
            s = r.state;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

// A recorded day of two indicator keys and one task; rules of every kind over it.
const KEYS = ['01:cpi', '79:cpi'];
const seriesArb = fc.array(
  fc.oneof(
    fc.record({
      gap: fc.integer({ min: 0, max: 120 }),
      key: fc.constantFrom(...KEYS),
      value: fc.integer({ min: -5, max: 15 }),
      period: fc.constantFrom(undefined, '2026-03', '2026-07'),
    }),
    fc.record({
      gap: fc.integer({ min: 0, max: 40_000 }),
      key: fc.constant('t1'),
      due: fc.integer({ min: -3, max: 5 }),
      status: fc.constantFrom('in_progress', 'in_progress', 'overdue', 'done_on_time'),
    }),
  ),
  { maxLength: 80 },
);
const ruleArb = fc.oneof(
  fc.record({
    kind: fc.constant('threshold' as const),
    direction: fc.constantFrom('above' as const, 'below' as const),
    limit: fc.integer({ min: -2, max: 12 }),
    deadband: fc.constantFrom(0, 1, 3),
    onDelayS: fc.constantFrom(0, 30, 200),
    offDelayS: fc.constantFrom(0, 45),
  }),
  fc.record({
    kind: fc.constant('rate' as const),
    windowS: fc.constantFrom(10, 120, 600),
    change: fc.constantFrom(1, 5),
    direction: fc.constantFrom('rise' as const, 'fall' as const, 'either' as const),
    onDelayS: fc.constantFrom(0, 30),
  }),
  fc.record({
    kind: fc.constant('plan-deviation' as const),
    plan: fc.constant([
      { month: 3, target: 2 },
      { month: 9, target: 8 },
    ]),
    tolerance: fc.constantFrom(1, 4),
    direction: fc.constantFrom('behind' as const, 'ahead' as const, 'either' as const),
    offDelayS: fc.constantFrom(0, 60),
  }),
  fc.record({
    kind: fc.constant('stale' as const),
    maxAgeS: fc.constantFrom(30, 100, 300),
    scope: fc.constantFrom('any-key' as const, 'each-key' as const),
  }),
  fc.record({ kind: fc.constant('task-due' as const), dueWithinDays: fc.constantFrom(null, 0, 2) }),
);

describe('dry-run', () => {
  it('property: fires exactly as many times, at the same instants, as the same events live with ticks between', () => {
    fc.assert(
      fc.property(
        seriesArb,
        ruleArb,
        fc.constantFrom('*:cpi', '01:cpi'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 100, maxLength: 100 }),
        (series, kindArgs, pattern, tickAt) => {
          const key = kindArgs.kind === 'task-due' ? 't1' : pattern;
          const topic = kindArgs.kind === 'task-due' ? 'gov.tasks' : 'econ.indicators';
          const watched = rule({ ...kindArgs, id: 'watched', dedupKey: '{rule}:{key}', watch: { topic, key } });
          const others = [
            rule({
              id: 'o1',
              kind: 'threshold',
              direction: 'above',
              limit: 5,
              watch: { topic: 'econ.indicators', key: '*' },
            }),
            rule({ id: 'o2', kind: 'stale', maxAgeS: 50, watch: { topic: 'econ.indicators', key: '79:cpi' } }),
          ];
          let time = T0;
          const events: RuleEvent[] = series.map((s) => {
            time += s.gap * S;
            if ('value' in s)
              return { topic: 'econ.indicators', key: s.key, time, payload: { value: s.value, period: s.period } };
            const dueDate = new Date(T0 + s.due * DAY).toISOString().slice(0, 10);
            return { topic: 'gov.tasks', key: 't1', time, payload: { id: 't1', dueDate, status: s.status } };
          });
          const range = { from: T0, to: time + 3 * DAY };
          const dry = dryRun(watched, events, range);

          let state = createEvaluator([others[0]!, watched, others[1]!], T0);
          const live: string[] = [];
          const take = (e: Evaluation) => {
            state = e.state;
            for (const a of e.activations) if (a.ruleId === 'watched') live.push(`${a.dedupKey}@${a.time}`);
          };
          let last = T0;
          events.forEach((e, i) => {
            // The host's timer ticks whenever it likes between two events.
            take(tick(state, last + Math.floor((e.time - last) * tickAt[i % 100]!)));
            take(evaluate(state, e));
            last = e.time;
          });
          take(tick(state, range.to));
          const fired = dry.activations.map((a) => `${a.dedupKey}@${a.time}`);
          expect(live.length).toBe(dry.fired);
          expect([...live].sort()).toEqual([...fired].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
