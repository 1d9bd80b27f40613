import { describe, expect, it } from 'vitest';
import { apply, newAlarm } from '../../../src/domain/alarms/alarm-lifecycle.js';
import type { Alarm } from '../../../src/domain/alarms/alarm-schema.js';
import { alertTickerItems, staticTickerItems } from './ticker-items';

const system = { kind: 'system', source: 'test' } as const;

function alarm(id: string, at: number, province: string | null, cleared = false): Alarm {
  const init = {
    id,
    ruleId: 'r',
    dedupKey: id,
    priority: 'high',
    title: `Cảnh báo ${id}`,
    area: { province, unit: null },
  } as const;
  const active = apply(newAlarm(init, at), { kind: 'condition-active', by: system }, at);
  if (!active.ok) throw new Error(active.reason);
  if (!cleared) return active.alarm;
  const ack = apply(active.alarm, { kind: 'acknowledge', by: { kind: 'person', person: 'an', device: 'c' } }, at);
  const clear = ack.ok && apply(ack.alarm, { kind: 'condition-clear', by: system }, at);
  if (!clear || !clear.ok) throw new Error('fixture');
  return clear.alarm;
}

describe('alertTickerItems', () => {
  it('lists shown alarms newest first, up to the limit, with the place', () => {
    const items = alertTickerItems(
      [alarm('a', 1, '01'), alarm('b', 3, '01'), alarm('c', 2, '01', true), alarm('d', 4, null)],
      2,
      (code) => (code === '01' ? 'Hà Nội' : 'Toàn quốc'),
    );
    expect(items).toEqual([
      { id: 'd', priority: 'high', text: 'Cảnh báo d — Toàn quốc' },
      { id: 'b', priority: 'high', text: 'Cảnh báo b — Hà Nội' },
    ]);
  });
});

describe('staticTickerItems', () => {
  it('keeps the order of the settings', () => {
    expect(staticTickerItems(['x', 'y']).map((i) => i.text)).toEqual(['x', 'y']);
  });
});
