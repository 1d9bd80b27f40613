import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlarmEvent } from './alarm-events.js';
import { apply, newAlarm } from './alarm-lifecycle.js';
import type { Alarm, AlarmPriority } from './alarm-schema.js';
import type { AlarmResponse } from './alarm-rules.js';
import { byUrgency, choreograph, type ChoreographyInput } from './choreography.js';

const system = { kind: 'system', source: 'test' } as const;
const person = { kind: 'person', person: 'an', device: 'console-1' } as const;
const PRIORITIES: AlarmPriority[] = ['emergency', 'high', 'medium', 'low'];

type Step = 'ack' | 'clear' | 'shelve';

/** An alarm of rule `id` activated at `at`, then taken through `steps` at `stepAt`. */
function alarm(id: string, priority: AlarmPriority, at: number, steps: Step[] = [], stepAt = at): Alarm {
  let a = newAlarm({ id, ruleId: id, dedupKey: id, priority, title: id, area: { province: '01', unit: null } }, at);
  const step = (e: AlarmEvent, when: number): void => {
    const r = apply(a, e, when);
    if (r.ok) a = r.alarm;
  };
  step({ kind: 'condition-active', by: system }, at);
  for (const s of steps) {
    if (s === 'ack') step({ kind: 'acknowledge', by: person }, stepAt);
    if (s === 'clear') step({ kind: 'condition-clear', by: system }, stepAt);
    if (s === 'shelve')
      step({ kind: 'shelve', by: person, until: stepAt + 60_000, reason: 'x', oneShot: false }, stepAt);
  }
  return a;
}

const preset = (monitors: string[], revertAfterS?: number): AlarmResponse => ({
  kind: 'show-preset',
  presetId: 'ung-pho-khan-cap',
  monitors,
  ...(revertAfterS === undefined ? {} : { revertAfterS }),
});

function input(alarms: Alarm[], over: Partial<ChoreographyInput> = {}): ChoreographyInput {
  return {
    alarms,
    responseOf: () => preset(['m2']),
    override: null,
    cancelled: [],
    briefingActive: false,
    now: 10_000,
    ...over,
  };
}

const ids = (c: { active: { alarmId: string }[] }): string[] => c.active.map((r) => r.alarmId);

describe('choreograph', () => {
  it('puts the response of an unacknowledged alarm on the wall until someone answers it', () => {
    const c = choreograph(input([alarm('lu', 'emergency', 1_000)]));
    expect(c.active).toMatchObject([{ alarmId: 'lu', province: '01', revertAt: null }]);
    expect(c.nextChangeAt).toBeNull();
  });

  it('reverts revertAfterS after acknowledgement or return to normal (60 s when the rule says nothing)', () => {
    const acked = alarm('lu', 'high', 1_000, ['ack'], 5_000);
    expect(choreograph(input([acked], { now: 64_999 })).active[0]?.revertAt).toBe(65_000);
    expect(choreograph(input([acked], { now: 65_000 })).active).toEqual([]);
    const cleared = alarm('lu', 'high', 1_000, ['clear'], 5_000);
    const quick = { responseOf: () => preset(['m2'], 2) };
    expect(choreograph(input([cleared], { ...quick, now: 6_000 })).nextChangeAt).toBe(7_000);
    expect(choreograph(input([cleared], { ...quick, now: 7_000 })).active).toEqual([]);
  });

  it('takes the response of a shelved alarm off at once, and none for an alarm without a response', () => {
    expect(choreograph(input([alarm('lu', 'high', 1_000, ['shelve'], 2_000)])).active).toEqual([]);
    expect(choreograph(input([alarm('lu', 'high', 1_000)], { responseOf: () => undefined })).active).toEqual([]);
  });

  it('leaves out a cancelled activation, and forgets the cancellation once the alarm activates again', () => {
    const a = alarm('lu', 'high', 1_000);
    const cancelled = [{ alarmId: 'lu', activatedAt: 1_000, at: 2_000, by: 'an@c1' }];
    const c = choreograph(input([a], { cancelled }));
    expect(c.active).toEqual([]);
    expect(c.cancelled).toEqual(cancelled);
    const again = alarm('lu', 'high', 3_000);
    expect(choreograph(input([again], { cancelled })).cancelled).toEqual([]);
    expect(ids(choreograph(input([again], { cancelled })))).toEqual(['lu']);
  });

  const arbAlarms = fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z]{1,6}$/),
      priority: fc.constantFrom(...PRIORITIES),
      at: fc.integer({ min: 0, max: 100_000 }),
      steps: fc.subarray<Step>(['ack', 'clear', 'shelve']),
      after: fc.integer({ min: 0, max: 200_000 }),
    }),
    { selector: (a) => a.id, maxLength: 12 },
  );
  const build = (specs: { id: string; priority: AlarmPriority; at: number; steps: Step[]; after: number }[]) =>
    specs.map((s) => alarm(s.id, s.priority, s.at, s.steps, s.at + s.after));

  it('orders responses most urgent first, then oldest, and none stays past its revert time', () => {
    fc.assert(
      fc.property(arbAlarms, fc.integer({ min: 0, max: 400_000 }), (specs, now) => {
        const c = choreograph(input(build(specs), { now }));
        const sorted = [...c.active].sort(byUrgency);
        expect(c.active).toEqual(sorted);
        for (const r of c.active) expect(r.revertAt === null || r.revertAt > now).toBe(true);
        if (c.nextChangeAt !== null) expect(c.nextChangeAt).toBeGreaterThan(now);
      }),
    );
  });

  it('a manual preset made after every activation wins; a briefing holds the wall', () => {
    fc.assert(
      fc.property(arbAlarms, fc.integer({ min: 0, max: 400_000 }), (specs, now) => {
        const alarms = build(specs);
        const free = choreograph(input(alarms, { now }));
        expect(choreograph(input(alarms, { now, override: { at: 100_001 } })).active).toEqual([]);
        const briefing = choreograph(input(alarms, { now, briefingActive: true }));
        expect(briefing.active).toEqual([]);
        expect(briefing.heldByBriefing).toBe(free.active.length > 0);
      }),
    );
  });

  it('a manual preset made before an alarm does not stop its response', () => {
    const c = choreograph(input([alarm('lu', 'emergency', 5_000)], { override: { at: 4_000 } }));
    expect(ids(c)).toEqual(['lu']);
  });
});
