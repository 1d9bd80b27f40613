import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { HubLinkAlarm } from './hub-link-alarm.js';

describe('the host alarm for its link to the hub', () => {
  it('rises when the hub has been away longer than allowed, and clears when the link is back', () => {
    let now = 1_000_000;
    const told: Alarm[][] = [];
    const link = new HubLinkAlarm({ maxAgeS: 10, clock: () => now, onChange: (a) => told.push(a) });
    for (let s = 0; s < 5; s++, now += 1000) link.observe('connected');
    for (let s = 0; s < 9; s++, now += 1000) link.observe('reconnecting');
    expect(link.active()).toEqual([]);
    for (let s = 0; s < 3; s++, now += 1000) link.observe('reconnecting');
    expect(link.active()).toHaveLength(1);
    expect(link.active()[0]).toMatchObject({
      state: 'unack',
      priority: 'high',
      title: 'Mất kết nối tới máy chủ trung tâm',
      timeline: [{ event: 'condition-active', by: { kind: 'system', source: 'host:host-hub-link' } }],
    });
    link.observe('connected');
    expect(link.active()).toEqual([]);
    expect(told.map((a) => a.length)).toEqual([1, 0]);
  });

  it('stays quiet while the link is up, and on a host that never reached the hub rises after the same time', () => {
    let now = 0;
    const link = new HubLinkAlarm({ maxAgeS: 5, clock: () => now, onChange: () => undefined });
    for (let s = 0; s < 60; s++, now += 1000) link.observe('connected');
    expect(link.active()).toEqual([]);
    const fresh = new HubLinkAlarm({ maxAgeS: 5, clock: () => now, onChange: () => undefined });
    now += 4000;
    fresh.observe('connecting');
    expect(fresh.active()).toEqual([]);
    now += 2000;
    fresh.observe('offline');
    expect(fresh.active()).toHaveLength(1);
  });
});
