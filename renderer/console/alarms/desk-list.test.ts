import { describe, expect, it } from 'vitest';
import { chatteringNow, isFlood } from '../../../src/domain/alarms/alarm-metrics.js';
import { testAlarm } from '../../../test/support/alarms.js';
import { activationsOf, deskList, floodGroups, NO_FILTER, priorityCounts, unackedEmergencies } from './desk-list';

const T = 1_800_000_000_000;

const alarms = [
  testAlarm({ id: 'low-new', priority: 'low', at: T + 5000 }),
  testAlarm({ id: 'em-old', priority: 'emergency', at: T }),
  testAlarm({ id: 'em-new', priority: 'emergency', at: T + 1000, province: '79' }),
  testAlarm({ id: 'high-acked', priority: 'high', at: T, then: ['acknowledge'] }),
  testAlarm({ id: 'high-normal', priority: 'high', at: T, then: ['acknowledge', 'clear'] }),
  testAlarm({ id: 'med-rtn', priority: 'medium', at: T, then: ['clear'], title: 'Giải ngân chậm' }),
];

describe('the desk list', () => {
  it('lists the open alarms by priority, then newest first', () => {
    expect(deskList(alarms, NO_FILTER).map((a) => a.id)).toEqual([
      'em-new',
      'em-old',
      'high-acked',
      'med-rtn',
      'low-new',
    ]);
  });

  it('filters by priority, area, state, rule and words without diacritics', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => deskList(alarms, { ...NO_FILTER, ...f }).map((a) => a.id);
    expect(ids({ priorities: ['emergency'] })).toEqual(['em-new', 'em-old']);
    expect(ids({ province: '79' })).toEqual(['em-new']);
    expect(ids({ states: ['normal'] })).toEqual(['high-normal']);
    expect(ids({ ruleId: 'other' })).toEqual([]);
    expect(ids({ text: 'giai ngan' })).toEqual(['med-rtn']);
  });

  it('counts open alarms by priority whatever the filter', () => {
    expect(priorityCounts(alarms)).toEqual({ emergency: 2, high: 1, medium: 1, low: 1 });
  });

  it('names the unacknowledged emergencies (what sounds and flashes)', () => {
    expect(unackedEmergencies(alarms).sort()).toEqual(['em-new', 'em-old']);
  });
});

describe('flood mode', () => {
  it('groups by rule and area, the most important group first', () => {
    const flood = [
      ...Array.from({ length: 5 }, (_, i) => testAlarm({ id: `lo-${i}`, priority: 'low', at: T + i, province: '46' })),
      testAlarm({ id: 'em-79', priority: 'emergency', at: T, province: '79' }),
      testAlarm({ id: 'em-01', priority: 'emergency', at: T, province: '01' }),
      testAlarm({ id: 'em-01b', priority: 'emergency', at: T + 1, province: '01' }),
    ];
    const groups = floodGroups(deskList(flood, NO_FILTER));
    expect(groups.map((g) => [g.province, g.alarms.length])).toEqual([
      ['01', 2],
      ['79', 1],
      ['46', 5],
    ]);
    expect(groups[0]!.alarms.map((a) => a.id)).toEqual(['em-01b', 'em-01']);
  });

  it('counts every activation from the records: eleven in ten minutes is a flood', () => {
    const many = Array.from({ length: 11 }, (_, i) => testAlarm({ id: `a${i}`, at: T + i * 1000 }));
    expect(isFlood(activationsOf(many.slice(0, 10)), T + 60_000)).toBe(false);
    expect(isFlood(activationsOf(many), T + 60_000)).toBe(true);
  });

  it('finds a chattering alarm in its timeline', () => {
    let a = testAlarm({ id: 'chat', at: T, then: ['clear'] });
    // Two more activations within the minute, as the hub would record them.
    const again = (at: number) => ({
      at,
      event: 'condition-active' as const,
      from: 'rtnun' as const,
      to: 'unack' as const,
      by: { kind: 'system' as const, source: 't' },
    });
    a = { ...a, timeline: [...a.timeline, again(T + 10_000), again(T + 20_000)] };
    expect(chatteringNow(activationsOf([a]), T + 30_000)).toEqual(['chat']);
  });
});
