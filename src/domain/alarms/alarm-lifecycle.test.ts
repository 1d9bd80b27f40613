import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlarmEvent } from './alarm-events.js';
import { type ApplyResult, DEFAULT_SHELVE_POLICY, apply, newAlarm, shelveDeadline } from './alarm-lifecycle.js';
import { ALARM_STATES, Alarm, type AlarmState, MAX_NOTES, MAX_TIMELINE, type PersonActor } from './alarm-schema.js';

const T0 = Date.UTC(2026, 10, 27, 1, 0);
const HOUR = 3_600_000;
const lan: PersonActor = { kind: 'person', person: 'lan', device: 'console-1' };
const rules = { kind: 'system', source: 'rules' } as const;
const timer = { kind: 'system', source: 'shelve-timer' } as const;

const fresh = () =>
  newAlarm(
    {
      id: 'a-1',
      ruleId: 'giai-ngan-cham',
      dedupKey: 'giai-ngan-cham:01',
      priority: 'high',
      title: 'Giải ngân chậm so với kế hoạch',
      area: { province: '01', unit: 'Sở Tài chính' },
    },
    T0,
  );

/** Applies events one second apart and insists each is accepted: fixtures are states the machine reaches. */
function reach(...events: AlarmEvent[]): Alarm {
  let alarm = fresh();
  for (const [i, event] of events.entries()) {
    const r = apply(alarm, event, T0 + (i + 1) * 1000);
    if (!r.ok) throw new Error(`fixture: ${event.kind} refused: ${r.reason}`);
    alarm = r.alarm;
  }
  return alarm;
}

const E = {
  active: { kind: 'condition-active', by: rules, value: 31, threshold: 45 },
  clear: { kind: 'condition-clear', by: rules, value: 50 },
  ack: { kind: 'acknowledge', by: lan },
  shelve: { kind: 'shelve', by: lan, until: T0 + 2 * HOUR, reason: 'đang xử lý với Sở', oneShot: false },
  shelveOneShot: { kind: 'shelve', by: lan, until: T0 + 2 * HOUR, reason: 'đến khi hết', oneShot: true },
  unshelve: { kind: 'unshelve', by: lan },
  expired: { kind: 'shelve-expired', by: timer },
  suppress: { kind: 'suppress', by: { kind: 'system', source: 'maintenance' }, reason: 'nguồn dữ liệu bảo trì' },
  unsuppress: { kind: 'unsuppress', by: { kind: 'system', source: 'maintenance' } },
  remove: { kind: 'remove-from-service', by: lan, reason: 'thay cảm biến' },
  restore: { kind: 'return-to-service', by: lan },
  resolve: { kind: 'resolve', by: lan, note: 'đã xử lý' },
  note: { kind: 'note', by: lan, text: 'đã gọi Sở Tài chính' },
  assign: { kind: 'assign', by: lan, unit: 'Phòng Kinh tế' },
} satisfies Record<string, AlarmEvent>;

const FIXTURES: Record<string, Alarm> = {
  normal: reach(),
  unack: reach(E.active),
  acked: reach(E.active, E.ack),
  rtnun: reach(E.active, E.clear),
  'shelved, active': reach(E.active, E.shelve),
  'shelved, clear': reach(E.active, E.clear, E.shelve),
  'shelved one-shot': reach(E.active, E.shelveOneShot),
  'suppressed, active': reach(E.active, E.suppress),
  'suppressed, clear': reach(E.suppress),
  'out of service, active': reach(E.active, E.remove),
  'out of service, clear': reach(E.remove),
};
const COLUMNS = Object.keys(FIXTURES);

// ISA-18.2 / IEC 62682 with shelving, suppression by design and out of service: the state each event leads to
// from each state (columns in the order of FIXTURES), × where the event is refused and changes nothing.
const n = 'normal',
  U = 'unack',
  A = 'acked',
  R = 'rtnun',
  S = 'shelved',
  P = 'suppressed',
  O = 'out-of-service',
  x = '×';
const TABLE: Record<keyof typeof E, (AlarmState | typeof x)[]> = {
  //           normal unack acked rtnun shA shC sh1 suA suC osA osC
  active: /*  */ [U, x, x, U, x, S, x, x, P, x, O],
  clear: /*   */ [x, R, n, x, S, x, n, P, x, O, x],
  ack: /*     */ [x, A, x, n, x, x, x, x, x, x, x],
  shelve: /*  */ [x, S, S, S, x, x, x, x, x, x, x],
  shelveOneShot: [x, S, S, x, x, x, x, x, x, x, x],
  unshelve: /**/ [x, x, x, x, U, n, U, x, x, x, x],
  expired: /* */ [x, x, x, x, U, n, U, x, x, x, x],
  suppress: /**/ [P, P, P, P, P, P, P, x, x, x, x],
  unsuppress: /**/ [x, x, x, x, x, x, x, U, n, x, x],
  remove: /*  */ [O, O, O, O, O, O, O, O, O, x, x],
  restore: /* */ [x, x, x, x, x, x, x, x, x, U, n],
  resolve: /* */ [x, n, n, n, n, n, n, x, x, x, x],
  note: /*    */ [n, U, A, R, S, S, S, P, P, O, O],
  assign: /*  */ [x, U, A, R, S, S, S, P, P, O, O],
};

const rows = Object.entries(TABLE).flatMap(([event, outcomes]) =>
  outcomes.map((to, i) => ({ event: event as keyof typeof E, from: COLUMNS[i]!, to })),
);

describe('alarm lifecycle: the ISA-18.2 transition table', () => {
  it('has a fixture in the state its name says, each a valid record', () => {
    expect(COLUMNS.map((c) => FIXTURES[c]!.state)).toEqual([n, U, A, R, S, S, S, P, P, O, O]);
    for (const alarm of Object.values(FIXTURES)) expect(Alarm.safeParse(alarm).success).toBe(true);
  });

  it.each(rows)('$event from $from → $to', ({ event, from, to }) => {
    const alarm = FIXTURES[from]!;
    // The shelving timer fires at the deadline; every other event a minute after the fixture's last change.
    const now = event === 'expired' ? (shelveDeadline(alarm) ?? alarm.updatedAt + 60_000) : alarm.updatedAt + 60_000;
    const result = apply(alarm, E[event], now);
    if (to === x) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason.length).toBeGreaterThan(5);
      return;
    }
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.alarm.state).toBe(to);
    expect(result.transition).toMatchObject({ at: now, event: E[event].kind, from: alarm.state, to, by: E[event].by });
    expect(result.alarm.timeline.at(-1)).toEqual(result.transition);
    expect(Alarm.safeParse(result.alarm).success).toBe(true);
  });
});

describe('alarm lifecycle', () => {
  it('records the activation: value, threshold, count; a return from RTN counts again', () => {
    const a = reach(E.active, E.clear, E.active);
    expect(a).toMatchObject({ state: 'unack', value: 31, threshold: 45, activationCount: 2, activatedAt: T0 + 3000 });
    expect(a.timeline.map((t) => `${t.from}→${t.to}`)).toEqual(['normal→unack', 'unack→rtnun', 'rtnun→unack']);
  });

  it('keeps following the condition under a hold, and re-announces on the way out', () => {
    const shelved = reach(E.active, E.ack, E.shelve, E.clear, E.active);
    expect(shelved).toMatchObject({ state: 'shelved', conditionActive: true, activationCount: 2 });
    const out = apply(shelved, E.unshelve, shelved.updatedAt + 1);
    expect(out.ok && out.alarm.state).toBe('unack');
  });

  it('a stronger hold replaces a weaker one, never the reverse', () => {
    const suppressed = reach(E.active, E.shelve, E.suppress);
    expect(suppressed.hold?.kind).toBe('suppressed');
    expect(apply(suppressed, E.shelve, suppressed.updatedAt)).toMatchObject({ ok: false, reason: /suppressed/ });
    const oos = reach(E.active, E.suppress, E.remove);
    expect(apply(oos, E.suppress, oos.updatedAt)).toMatchObject({ ok: false, reason: /out-of-service/ });
  });

  it('bounds shelving by the priority and refuses a deadline in the past', () => {
    const alarm = reach(E.active);
    const now = alarm.updatedAt;
    const max = DEFAULT_SHELVE_POLICY.high;
    expect(apply(alarm, { ...E.shelve, until: now + max + 1 }, now)).toMatchObject({
      ok: false,
      reason: /at most 8 h/,
    });
    expect(apply(alarm, { ...E.shelve, until: now }, now)).toMatchObject({ ok: false, reason: /future/ });
    expect(apply(alarm, { ...E.shelve, until: now + max }, now).ok).toBe(true);
    const strict = { ...DEFAULT_SHELVE_POLICY, high: HOUR };
    expect(apply(alarm, { ...E.shelve, until: now + 2 * HOUR }, now, strict)).toMatchObject({ ok: false });
  });

  it('the shelving timer is refused before the deadline and accepted at it', () => {
    const shelved = reach(E.active, E.shelve);
    expect(apply(shelved, E.expired, E.shelve.until - 1)).toMatchObject({ ok: false, reason: /shelved until/ });
    expect(apply(shelved, E.expired, E.shelve.until)).toMatchObject({
      ok: true,
      alarm: { state: 'unack', hold: null },
    });
  });

  it('a refused event changes nothing', () => {
    const acked = reach(E.active, E.ack);
    const copy = structuredClone(acked);
    expect(apply(acked, E.ack, acked.updatedAt + 1)).toEqual({ ok: false, reason: 'already acknowledged' });
    expect(acked).toEqual(copy);
  });

  it('notes and assignment are kept on the record and the timeline', () => {
    const a = reach(E.active, E.note, E.assign);
    expect(a.notes).toEqual([{ at: T0 + 2000, by: lan, text: E.note.text }]);
    expect(a.assignedUnit).toBe('Phòng Kinh tế');
    expect(apply(a, E.assign, a.updatedAt)).toMatchObject({ ok: false, reason: /already assigned/ });
    expect(a.timeline.map((t) => t.detail)).toEqual([undefined, E.note.text, 'Phòng Kinh tế']);
  });

  it('keeps the timeline and the notes bounded, counting what it dropped', () => {
    let alarm = reach(E.active);
    for (let i = 0; i < MAX_TIMELINE + 50; i++) {
      const r = apply(alarm, { ...E.note, text: `ghi chú ${i}` }, T0 + 10_000 + i);
      if (r.ok) alarm = r.alarm;
    }
    expect(alarm.timeline).toHaveLength(MAX_TIMELINE);
    expect(alarm.timelineDropped).toBe(51);
    expect(alarm.notes).toHaveLength(MAX_NOTES);
    expect(alarm.notes.at(-1)?.text).toBe(`ghi chú ${MAX_TIMELINE + 49}`);
    expect(Alarm.safeParse(alarm).success).toBe(true);
  });

  it('never records a transition earlier than the last change', () => {
    const a = reach(E.active);
    const r = apply(a, E.ack, a.updatedAt - 5000);
    expect(r.ok && r.transition.at).toBe(a.updatedAt);
  });

  it('only a person may acknowledge, shelve or resolve; records that break the invariants are refused', () => {
    for (const kind of ['acknowledge', 'resolve', 'unshelve', 'remove-from-service']) {
      expect(AlarmEvent.safeParse({ kind, by: rules, reason: 'x' }).success).toBe(false);
    }
    expect(AlarmEvent.safeParse({ kind: 'shelve-expired', by: lan }).success).toBe(false);
    const unack = reach(E.active);
    expect(Alarm.safeParse({ ...unack, conditionActive: false }).success).toBe(false);
    expect(Alarm.safeParse({ ...unack, state: 'shelved' }).success).toBe(false);
    expect(Alarm.safeParse({ ...reach(E.active, E.shelve), state: 'suppressed' }).success).toBe(false);
    expect(Alarm.safeParse({ ...unack, area: { province: '99', unit: null } }).success).toBe(false);
  });
});

// Random operators, rules and timers acting on one alarm in any order, at any pace.
const person = fc.constantFrom<PersonActor>(lan, { kind: 'person', person: 'minh', device: 'console-2' });
const system = fc.constantFrom(rules, timer);
const eventArb = (now: number): fc.Arbitrary<AlarmEvent> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('condition-active' as const),
      by: system,
      value: fc.integer({ min: -50, max: 150 }),
    }),
    fc.record({ kind: fc.constant('condition-clear' as const), by: system }),
    fc.record({ kind: fc.constant('acknowledge' as const), by: person }),
    fc.record({
      kind: fc.constant('shelve' as const),
      by: person,
      until: fc.integer({ min: now - HOUR, max: now + 30 * HOUR }),
      reason: fc.constant('kiểm tra'),
      oneShot: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('unshelve' as const), by: person }),
    fc.record({ kind: fc.constant('shelve-expired' as const), by: fc.constant(timer) }),
    fc.record({ kind: fc.constant('suppress' as const), by: fc.oneof(person, system), reason: fc.constant('bảo trì') }),
    fc.record({ kind: fc.constant('unsuppress' as const), by: fc.oneof(person, system) }),
    fc.record({ kind: fc.constant('remove-from-service' as const), by: person, reason: fc.constant('sửa chữa') }),
    fc.record({ kind: fc.constant('return-to-service' as const), by: person }),
    fc.record({ kind: fc.constant('resolve' as const), by: person }),
    fc.record({ kind: fc.constant('note' as const), by: person, text: fc.constant('ghi chú') }),
    fc.record({ kind: fc.constant('assign' as const), by: person, unit: fc.constantFrom('Sở A', 'Sở B') }),
  );
// Steps: a pause (up to 10 h, so shelves both run out and don't) and an event made at its end.
const stepsArb = fc.array(
  fc.integer({ min: 0, max: 10 * HOUR }).chain((gap) => eventArb(T0 + gap).map((event) => ({ gap, event }))),
  { maxLength: 60 },
);

type Check = (before: Alarm, result: ApplyResult) => void;

/**
 * Runs the steps on a fresh alarm (a shelve's `until` is taken relative to the running clock) and checks each
 * result; a refused event must leave the alarm exactly as it was.
 */
function run(steps: { gap: number; event: AlarmEvent }[], check: Check): void {
  let alarm = fresh();
  let now = T0;
  for (const { gap, event } of steps) {
    now += gap;
    const shifted: AlarmEvent = event.kind === 'shelve' ? { ...event, until: event.until - T0 - gap + now } : event;
    const copy = structuredClone(alarm);
    const result = apply(alarm, shifted, now);
    expect(alarm).toEqual(copy);
    check(alarm, result);
    if (result.ok) alarm = result.alarm;
  }
}

describe('alarm lifecycle properties', () => {
  it('no sequence of events reaches an undefined state; a refusal changes nothing', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, (before, result) => {
          if (!result.ok) {
            expect(result.reason).not.toBe('');
            return;
          }
          expect(ALARM_STATES).toContain(result.alarm.state);
          expect(Alarm.safeParse(result.alarm).error).toBeUndefined();
          expect(result.transition.from).toBe(before.state);
          expect(result.transition.at).toBeGreaterThanOrEqual(before.updatedAt);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('shelving always expires: its deadline is within the maximum, and the timer ends it there', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, (_before, result) => {
          if (!result.ok || result.alarm.hold?.kind !== 'shelved') return;
          const { hold, priority } = result.alarm;
          expect(hold.until).toBeGreaterThan(hold.since);
          expect(hold.until - hold.since).toBeLessThanOrEqual(DEFAULT_SHELVE_POLICY[priority]);
          const expiry = apply(result.alarm, { kind: 'shelve-expired', by: timer }, hold.until);
          expect(expiry.ok && expiry.alarm.state).toMatch(/^(unack|normal)$/);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('an alarm leaves the list only once its condition has cleared or a person resolves it', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let clearedSinceActivation = true;
        run(steps, (before, result) => {
          if (!result.ok) return;
          const { transition } = result;
          if (transition.event === 'condition-active') clearedSinceActivation = false;
          // A person's resolve ends the activation as a clear does (a hold ending later finds it normal).
          if (transition.event === 'condition-clear' || transition.event === 'resolve') clearedSinceActivation = true;
          if (transition.to === 'normal' && before.state !== 'normal') {
            const resolved = transition.event === 'resolve' && transition.by.kind === 'person';
            expect(resolved || clearedSinceActivation).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
