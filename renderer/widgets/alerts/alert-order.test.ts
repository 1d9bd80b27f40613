import { describe, expect, it } from 'vitest';
import { apply, newAlarm } from '../../../src/domain/alarms/alarm-lifecycle.js';
import type { Alarm, AlarmPriority } from '../../../src/domain/alarms/alarm-schema.js';
import { openAlerts, tileAlerts } from './alert-order';

const system = { kind: 'system', source: 'test' } as const;
const person = { kind: 'person', person: 'an', device: 'console-1' } as const;

function alarm(
  id: string,
  priority: AlarmPriority,
  at: number,
  then: 'ack' | 'clear' | 'ack-clear' | null = null,
): Alarm {
  const init = { id, ruleId: 'r', dedupKey: id, priority, title: id, area: { province: '46', unit: null } };
  let a = newAlarm(init, at);
  const step = (e: Parameters<typeof apply>[1]): void => {
    const r = apply(a, e, at);
    if (!r.ok) throw new Error(r.reason);
    a = r.alarm;
  };
  step({ kind: 'condition-active', by: system });
  if (then === 'ack' || then === 'ack-clear') step({ kind: 'acknowledge', by: person });
  if (then === 'clear' || then === 'ack-clear') step({ kind: 'condition-clear', by: system });
  return a;
}

describe('openAlerts', () => {
  it('lists unacknowledged alarms, most urgent first, then newest', () => {
    const list = openAlerts(
      [
        alarm('old-medium', 'medium', 1),
        alarm('new-emergency', 'emergency', 9),
        alarm('old-emergency', 'emergency', 2),
        alarm('low', 'low', 10),
        alarm('high', 'high', 5),
        alarm('done', 'emergency', 20, 'ack-clear'),
        alarm('seen', 'emergency', 21, 'ack'),
      ],
      false,
    );
    expect(list.map((a) => a.id)).toEqual(['new-emergency', 'old-emergency', 'high', 'old-medium', 'low']);
  });

  it('keeps a cleared alarm nobody acknowledged; adds acknowledged ones when asked, never normal ones', () => {
    const list = openAlerts(
      [alarm('done', 'emergency', 20, 'ack-clear'), alarm('seen', 'high', 21, 'ack'), alarm('gone', 'low', 3, 'clear')],
      true,
    );
    expect(list.map((a) => [a.id, a.state])).toEqual([
      ['seen', 'acked'],
      ['gone', 'rtnun'],
    ]);
  });
});

describe('tileAlerts', () => {
  const shelved = (id: string, priority: AlarmPriority): Alarm => {
    const a = alarm(id, priority, 1);
    const r = apply(a, { kind: 'shelve', by: person, until: 100, reason: 'bảo trì', oneShot: false }, 2);
    if (!r.ok) throw new Error(r.reason);
    return r.alarm;
  };
  const all = [
    alarm('e', 'emergency', 5),
    alarm('h-acked', 'high', 4, 'ack'),
    alarm('m', 'medium', 3),
    alarm('l-acked', 'low', 2, 'ack'),
    shelved('s-low', 'low'),
    shelved('s-high', 'high'),
  ];
  const ids = (r: { listed: Alarm[] }): string[] => r.listed.map((a) => a.id);

  it('lists the open ones and counts the hidden ones', () => {
    const r = tileAlerts(all, { show: 'all', includeAcknowledged: true });
    expect(ids(r)).toEqual(['e', 'h-acked', 'm', 'l-acked']);
    expect(r.hidden).toBe(2);
  });

  it('shows a leaders’ surface only what someone acknowledged, or only the major ones', () => {
    expect(ids(tileAlerts(all, { show: 'acknowledged', includeAcknowledged: false }))).toEqual(['h-acked', 'l-acked']);
    const major = tileAlerts(all, { show: 'major', includeAcknowledged: false });
    expect(ids(major)).toEqual(['e']);
    expect(major.hidden).toBe(1);
  });
});
