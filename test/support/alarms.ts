// Alarm records for tests, made the way the hub makes them: a new alarm taken through the real state machine.
import type { AlarmEvent } from '../../src/domain/alarms/alarm-events.js';
import { apply, newAlarm } from '../../src/domain/alarms/alarm-lifecycle.js';
import type { Alarm, AlarmPriority } from '../../src/domain/alarms/alarm-schema.js';

const SYSTEM = { kind: 'system', source: 'test' } as const;

export interface TestAlarm {
  id: string;
  priority?: AlarmPriority;
  title?: string;
  province?: string | null;
  at: number;
  /** What happened after it became active. */
  then?: readonly ('acknowledge' | 'clear' | 'note')[];
  /** The person who acknowledged it or wrote its note. */
  by?: string;
}

export function testAlarm({
  id,
  priority = 'high',
  title = id,
  province = '01',
  at,
  then = [],
  by = 'an',
}: TestAlarm): Alarm {
  const person = { kind: 'person', person: by, device: 'console-1' } as const;
  let alarm = newAlarm({ id, ruleId: 'test', dedupKey: id, priority, title, area: { province, unit: null } }, at);
  const step = (k: 'acknowledge' | 'clear' | 'note'): AlarmEvent =>
    k === 'clear'
      ? { kind: 'condition-clear', by: SYSTEM }
      : k === 'note'
        ? { kind: 'note', by: person, text: 'đã báo Sở Xây dựng' }
        : { kind: 'acknowledge', by: person };
  const events: AlarmEvent[] = [{ kind: 'condition-active', by: SYSTEM }, ...then.map(step)];
  for (const event of events) {
    const next = apply(alarm, event, at);
    if (!next.ok) throw new Error(`test alarm ${id}: ${next.reason}`);
    alarm = next.alarm;
  }
  return alarm;
}
