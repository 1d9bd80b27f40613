// Alarm records for tests, made the way the hub makes them: a new alarm taken through the real state machine.
import { apply, newAlarm } from '../../src/domain/alarms/alarm-lifecycle.js';
import type { Alarm, AlarmPriority } from '../../src/domain/alarms/alarm-schema.js';

const SYSTEM = { kind: 'system', source: 'test' } as const;
const OPERATOR = { kind: 'person', person: 'an', device: 'console-1' } as const;

export interface TestAlarm {
  id: string;
  priority?: AlarmPriority;
  title?: string;
  province?: string | null;
  at: number;
  /** What happened after it became active. */
  then?: readonly ('acknowledge' | 'clear')[];
}

export function testAlarm({ id, priority = 'high', title = id, province = '01', at, then = [] }: TestAlarm): Alarm {
  let alarm = newAlarm({ id, ruleId: 'test', dedupKey: id, priority, title, area: { province, unit: null } }, at);
  const events = [
    { kind: 'condition-active', by: SYSTEM } as const,
    ...then.map((k) =>
      k === 'clear' ? ({ kind: 'condition-clear', by: SYSTEM } as const) : { kind: k, by: OPERATOR },
    ),
  ];
  for (const event of events) {
    const next = apply(alarm, event, at);
    if (!next.ok) throw new Error(`test alarm ${id}: ${next.reason}`);
    alarm = next.alarm;
  }
  return alarm;
}
