import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { apply } from '../../src/domain/alarms/alarm-lifecycle.js';
import { AlarmRule } from '../../src/domain/alarms/alarm-rules.js';
import { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { type RuleEvent, dryRun } from '../../src/domain/alarms/rule-evaluator.js';
import type { RulePayload } from '../../src/domain/alarms/rule-versions.js';
import { EventLog, type NewEvent } from '../event-log.js';
import { openHubDatabaseFile } from '../hub-database.js';
import { AlarmEngine, alarmIdOf } from './alarm-engine.js';

const T0 = Date.UTC(2026, 5, 15, 2, 0, 0); // 09:00 in Hà Nội, 15/06/2026
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const NATIONAL = { province: null, unit: null };

const rule = (fields: Record<string, unknown>): AlarmRule =>
  AlarmRule.parse({ name: 'Quy tắc thử', priority: 'high', area: NATIONAL, ...fields });

function ruleEvent(r: AlarmRule, version = 1, deleted = false): NewEvent {
  const payload: RulePayload = { rule: r, version, deleted, savedBy: 'admin@console', savedAt: T0 };
  return { topic: 'alarm.rules', key: r.id, source: 't', time: T0, payload };
}

const indicator = (province: string, name: string, value: number, time: number, period = '2026-06'): NewEvent => ({
  topic: 'econ.indicators',
  key: `${province}:${name}`,
  source: 't',
  time,
  payload: { province, indicator: name, value, period, status: 'preliminary', sourceSystem: 'thử' },
});

const counter = (value: number, time: number): NewEvent => ({
  topic: 'econ.live',
  key: 'documents_processed_today',
  source: 't',
  time,
  payload: { metric: 'documents_processed_today', value, sourceSystem: 'thử' },
});

const task = (id: string, dueDate: string, status: string, time: number): NewEvent => ({
  topic: 'gov.tasks',
  key: id,
  source: 't',
  time,
  payload: { id, title: 'Nhiệm vụ thử', assignedBy: 'government', unit: 'Bộ Tài chính', dueDate, status },
});

/** A hub's log in a real SQLite file and an engine over it, on a clock the test moves. */
function hub(rules: readonly AlarmRule[]) {
  const log = new EventLog(openHubDatabaseFile(join(mkdtempSync(join(tmpdir(), 'alarm-engine-')), 'hub.db')));
  const clock = { now: T0 };
  const seen: NewEvent[] = [];
  const engine: AlarmEngine = new AlarmEngine({
    log,
    clock: () => clock.now,
    logger: createLogger('test', 'error'),
    publish: (events) => engine.observe(log.append(events)),
  });
  log.append(rules.map((r) => ruleEvent(r)));
  engine.start();
  engine.stop(); // the test ticks by hand
  const feed = (...events: NewEvent[]): void => {
    for (const e of events) {
      clock.now = Math.max(clock.now, e.time);
      seen.push(e);
      engine.observe(log.append([e]));
    }
  };
  const at = (t: number): void => {
    clock.now = t;
    engine.tick();
  };
  const alarm = (dedupKey: string): Alarm | undefined => {
    const parsed = Alarm.safeParse(log.latestOf('ops.alerts', alarmIdOf(dedupKey))?.payload);
    return parsed.success ? parsed.data : undefined;
  };
  const records = (): Alarm[] => log.read('ops.alerts', 0, 100_000).map((e) => Alarm.parse(e.payload));
  const activations = (ruleId: string): number =>
    records().filter((a) => a.ruleId === ruleId && a.timeline.at(-1)?.event === 'condition-active').length;
  return { log, clock, engine, feed, at, alarm, records, activations, seen };
}

const asRuleEvents = (events: readonly NewEvent[]): RuleEvent[] =>
  events.map(({ topic, key, time, payload }) => ({ topic, key, time, payload }));

describe('alarm engine', () => {
  it("raises and clears a threshold alarm with its deadband, in the rule's name, one alarm per province", () => {
    const cpi = rule({
      id: 'cpi',
      kind: 'threshold',
      watch: { topic: 'econ.indicators', key: '*:cpi' },
      dedupKey: '{rule}:{province}',
      direction: 'above',
      limit: 4,
      deadband: 0.2,
    });
    const h = hub([cpi]);
    h.feed(indicator('01', 'cpi', 3.9, T0 + SECOND), indicator('01', 'cpi', 4.1, T0 + 2 * SECOND));
    const active = h.alarm('cpi:01')!;
    expect(active).toMatchObject({ state: 'unack', conditionActive: true, value: 4.1, threshold: 4 });
    expect(active.area.province).toBe('01');
    expect(active.timeline.at(-1)!.by).toEqual({ kind: 'system', source: 'rule:cpi' });
    h.feed(indicator('01', 'cpi', 3.9, T0 + 3 * SECOND)); // inside the deadband: still active
    expect(h.alarm('cpi:01')!.conditionActive).toBe(true);
    h.feed(indicator('01', 'cpi', 3.7, T0 + 4 * SECOND));
    expect(h.alarm('cpi:01')!.state).toBe('rtnun');
    h.feed(indicator('79', 'cpi', 4.5, T0 + 5 * SECOND), indicator('01', 'cpi', 4.4, T0 + 6 * SECOND));
    expect(h.alarm('cpi:79')!.state).toBe('unack');
    expect(h.alarm('cpi:01')!.activationCount).toBe(2);
    expect(h.activations('cpi')).toBe(dryRun(cpi, asRuleEvents(h.seen), { from: T0, to: h.clock.now }).fired);
  });

  it('follows rate, plan deviation, stale feed and task due rules on recorded series; a dry run counts the same', () => {
    const rate = rule({
      id: 'rate',
      kind: 'rate',
      watch: { topic: 'econ.live', key: 'documents_processed_today' },
      windowS: 60,
      change: 100,
      direction: 'rise',
    });
    const plan = rule({
      id: 'plan',
      kind: 'plan-deviation',
      watch: { topic: 'econ.indicators', key: '*:disbursement' },
      plan: [
        { month: 1, target: 0 },
        { month: 6, target: 30 },
      ],
      tolerance: 5,
      direction: 'behind',
    });
    const stale = rule({ id: 'stale', kind: 'stale', watch: { topic: 'econ.live', key: '*' }, maxAgeS: 120 });
    const due = rule({ id: 'due', kind: 'task-due', watch: { topic: 'gov.tasks', key: '*' }, dueWithinDays: 2 });
    const h = hub([rate, plan, stale, due]);
    const series = [
      counter(1000, T0 + 10 * SECOND),
      counter(1050, T0 + 40 * SECOND),
      counter(1200, T0 + 60 * SECOND), // +200 within the minute
      counter(1210, T0 + 150 * SECOND), // the window now holds only this: cleared
      indicator('48', 'disbursement', 27, T0 + 4 * MINUTE),
      indicator('48', 'disbursement', 22, T0 + 5 * MINUTE), // 8 points behind the June target
      indicator('48', 'disbursement', 29, T0 + 6 * MINUTE),
      task('NV-1', '2026-06-16', 'in_progress', T0 + 7 * MINUTE), // due tomorrow: within 2 days
      task('NV-2', '2026-06-30', 'in_progress', T0 + 7 * MINUTE),
      task('NV-1', '2026-06-16', 'done_on_time', T0 + 8 * MINUTE),
    ];
    h.feed(...series);
    expect(h.alarm('rate:documents_processed_today')!.activationCount).toBe(1);
    expect(h.alarm('rate:documents_processed_today')!.conditionActive).toBe(false);
    expect(h.alarm('plan:48:disbursement')).toMatchObject({ activationCount: 1, conditionActive: false });
    expect(h.alarm('due:NV-1')).toMatchObject({ activationCount: 1, conditionActive: false, state: 'rtnun' });
    expect(h.alarm('due:NV-2')).toBeUndefined();
    // The live feed falls silent for longer than the rule allows, then speaks again.
    expect(h.alarm('stale:*')).toBeUndefined();
    h.at(T0 + 6 * MINUTE);
    expect(h.alarm('stale:*')).toMatchObject({ state: 'unack', ruleId: 'stale' });
    h.feed(counter(1300, T0 + 7 * MINUTE + 30 * SECOND));
    expect(h.alarm('stale:*')!.state).toBe('rtnun');
    h.at(T0 + 9 * MINUTE);
    for (const r of [rate, plan, stale, due]) {
      const expected = dryRun(r, asRuleEvents(h.seen), { from: T0, to: h.clock.now }).fired;
      expect(h.activations(r.id), r.id).toBe(expected);
      expect(expected, r.id).toBeGreaterThan(0);
    }
  });

  it('expires shelving and escalates an unanswered alarm once per period, up to the end of the chain', () => {
    const hot = rule({
      id: 'hot',
      kind: 'threshold',
      watch: { topic: 'econ.indicators', key: '01:cpi' },
      direction: 'above',
      limit: 4,
      escalationMinutes: 5,
    });
    const h = hub([hot]);
    h.feed(indicator('01', 'cpi', 5, T0 + SECOND));
    h.at(T0 + 4 * MINUTE);
    expect(h.alarm('hot:01:cpi')!.escalation).toBeNull();
    h.at(T0 + 5 * MINUTE + SECOND);
    expect(h.alarm('hot:01:cpi')!.escalation).toEqual({ level: 1, at: T0 + 5 * MINUTE + SECOND });
    h.at(T0 + 5 * MINUTE + 2 * SECOND);
    expect(h.records().filter((a) => a.escalation !== null)).toHaveLength(1); // one record per level
    h.at(T0 + 11 * MINUTE);
    expect(h.alarm('hot:01:cpi')!.escalation!.level).toBe(2);
    h.at(T0 + 60 * MINUTE);
    expect(h.alarm('hot:01:cpi')!.escalation!.level).toBe(3);

    // A person shelves it for a minute: hidden, then back as unacknowledged when the minute is over.
    const by = { kind: 'person', person: 'lan', device: 'console-1' } as const;
    const shelved = apply(
      h.alarm('hot:01:cpi')!,
      { kind: 'shelve', by, until: T0 + 61 * MINUTE, reason: 'kiểm tra', oneShot: false },
      T0 + 60 * MINUTE,
    );
    if (!shelved.ok) throw new Error(shelved.reason);
    h.feed({ topic: 'ops.alerts', key: shelved.alarm.id, source: 't', time: T0 + 60 * MINUTE, payload: shelved.alarm });
    expect(h.alarm('hot:01:cpi')).toMatchObject({ state: 'shelved', escalation: null });
    h.at(T0 + 60 * MINUTE + 30 * SECOND);
    expect(h.alarm('hot:01:cpi')!.state).toBe('shelved');
    h.at(T0 + 61 * MINUTE);
    const back = h.alarm('hot:01:cpi')!;
    expect(back.state).toBe('unack');
    expect(back.timeline.at(-1)).toMatchObject({ event: 'shelve-expired', by: { kind: 'system' } });
    // Its wait starts again from the end of the shelving.
    h.at(T0 + 65 * MINUTE);
    expect(h.alarm('hot:01:cpi')!.escalation).toBeNull();
    h.at(T0 + 66 * MINUTE + SECOND);
    expect(h.alarm('hot:01:cpi')!.escalation!.level).toBe(1);
  });

  it("runs a rule's new version at once: alarms it no longer holds clear, a deleted rule's alarms clear", () => {
    const cpi = rule({
      id: 'cpi',
      kind: 'threshold',
      watch: { topic: 'econ.indicators', key: '*:cpi' },
      direction: 'above',
      limit: 4,
      response: { kind: 'zoom-map' },
    });
    const h = hub([cpi]);
    const heard: string[] = [];
    h.engine.onAlarm((a) => heard.push(`${a.id} ${a.state}`));
    expect(h.engine.responseOf('cpi')).toEqual({ kind: 'zoom-map' });
    h.feed(indicator('01', 'cpi', 4.5, T0 + SECOND), indicator('79', 'cpi', 5.5, T0 + SECOND));
    expect(heard).toEqual(['cpi:01:cpi unack', 'cpi:79:cpi unack']);
    h.feed(ruleEvent(rule({ ...cpi, limit: 5 }), 2));
    expect(h.alarm('cpi:01:cpi')!.state).toBe('rtnun');
    expect(h.alarm('cpi:79:cpi')!.state).toBe('unack');
    h.feed(ruleEvent(cpi, 3, true));
    expect(h.alarm('cpi:79:cpi')!.state).toBe('rtnun');
    expect(h.engine.responseOf('cpi')).toBeUndefined();
    h.feed(indicator('01', 'cpi', 6, T0 + 2 * SECOND));
    expect(h.alarm('cpi:01:cpi')!.state).toBe('rtnun');
  });

  it('makes an id of any dedup key, the same each time', () => {
    expect(alarmIdOf('cpi:01')).toBe('cpi:01');
    const odd = alarmIdOf('nhiệm vụ/ số 1');
    expect(odd).toMatch(/^[A-Za-z0-9:._-]{1,128}$/);
    expect(alarmIdOf('nhiệm vụ/ số 1')).toBe(odd);
    expect(alarmIdOf('x'.repeat(300))).toHaveLength(117);
  });
});
