// One alarm per warning on the alerts topic, made by the alarm lifecycle like any other: a warning raises its
// condition, an Update changes its priority, title and area (and raises it again if it had cleared), a Cancel
// clears it. Acknowledging stays the operators' business: the condition is all a warning drives.
import { apply, newAlarm } from '../alarms/alarm-lifecycle.js';
import type { Alarm, SystemActor } from '../alarms/alarm-schema.js';
import { warningAlarmArea } from './cap-warning.js';
import type { WarningPayload } from './warning-schema.js';

const CAP_RULE_ID = 'cap';

/** An alarm id from the warning's key: the characters an alarm id allows, at most 128. */
export function warningAlarmId(key: string): string {
  return `cap:${key.replace(/[^A-Za-z0-9:._-]/g, '_')}`.slice(0, 128);
}

/** The alarm after `warning`, from the one it had (`previous`); null when there is nothing to record. */
export function warningAlarm(
  key: string,
  warning: WarningPayload,
  previous: Alarm | undefined,
  by: SystemActor,
  now: number,
): Alarm | null {
  const active = warning.state === 'active';
  if (!previous && !active) return null;
  const fields = { priority: warning.priority, title: warning.headline, area: warningAlarmArea(warning) };
  const base: Alarm = previous
    ? { ...previous, ...fields }
    : newAlarm({ id: warningAlarmId(key), ruleId: CAP_RULE_ID, dedupKey: `cap:${key}`, ...fields }, now);
  if (active === base.conditionActive) return { ...base, updatedAt: Math.max(now, base.updatedAt) };
  const result = apply(base, { kind: active ? 'condition-active' : 'condition-clear', by }, now);
  return result.ok ? result.alarm : base;
}
