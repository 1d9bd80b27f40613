// The alarm rules the demo hub ships with, so `npm start` shows alarms raised by rules from its own series: a
// province's inflation past a limit, public investment disbursed behind the plan, the live counters falling
// silent, Government tasks overdue or due within days. An admin may change or delete them like any rule.
import type { AlarmRule } from '../src/domain/alarms/alarm-rules.js';
import type { RulePayload } from '../src/domain/alarms/rule-versions.js';
import type { NewEvent } from './event-log.js';

const NATIONAL = { province: null, unit: null };

export const DEMO_RULES: readonly AlarmRule[] = [
  {
    id: 'cpi-cao',
    kind: 'threshold',
    name: 'Lạm phát (CPI) vượt ngưỡng 4%',
    priority: 'high',
    area: NATIONAL,
    watch: { topic: 'econ.indicators', key: '*:cpi' },
    dedupKey: '{rule}:{province}',
    direction: 'above',
    limit: 4,
    field: 'value',
    deadband: 0.1,
    onDelayS: 0,
    offDelayS: 0,
  },
  {
    id: 'giai-ngan-cham',
    kind: 'plan-deviation',
    name: 'Giải ngân vốn đầu tư công chậm so với kế hoạch',
    priority: 'medium',
    area: NATIONAL,
    watch: { topic: 'econ.indicators', key: '*:disbursement' },
    dedupKey: '{rule}:{province}',
    // % of the year's plan to be disbursed by the start of each month.
    plan: [
      { month: 1, target: 0 },
      { month: 4, target: 12.5 },
      { month: 7, target: 32.5 },
      { month: 10, target: 55 },
      { month: 12, target: 75 },
    ],
    tolerance: 8,
    direction: 'behind',
    field: 'value',
    deadband: 0.5,
    onDelayS: 0,
    offDelayS: 0,
  },
  {
    id: 'mat-tin-hieu-truc-tuyen',
    kind: 'stale',
    name: 'Mất tín hiệu chỉ số trực tuyến',
    priority: 'emergency',
    area: NATIONAL,
    watch: { topic: 'econ.live', key: '*' },
    dedupKey: '{rule}',
    maxAgeS: 60,
    scope: 'any-key',
  },
  {
    id: 'nhiem-vu-den-han',
    kind: 'task-due',
    name: 'Nhiệm vụ Chính phủ giao quá hạn hoặc đến hạn trong 3 ngày',
    priority: 'medium',
    area: NATIONAL,
    watch: { topic: 'gov.tasks', key: '*' },
    dedupKey: '{rule}:{key}',
    dueWithinDays: 3,
  },
];

/** The demo rules as the first version of each, saved by the demo. */
export function demoRuleEvents(now: number): NewEvent[] {
  return DEMO_RULES.map((rule) => {
    const payload: RulePayload = { rule, version: 1, deleted: false, savedBy: 'demo', savedAt: now };
    return { topic: 'alarm.rules', key: rule.id, source: 'demo', time: now, payload };
  });
}
