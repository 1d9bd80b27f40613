import { describe, expect, it } from 'vitest';
import { type ActivationRecord, alarmPerformance, chatteringNow, isFlood } from './alarm-metrics.js';
import type { AlarmPriority } from './alarm-schema.js';

const T0 = Date.UTC(2026, 10, 27, 0, 0);
const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const act = (alarmId: string, s: number, priority: AlarmPriority = 'low'): ActivationRecord => ({
  alarmId,
  at: T0 + s * S,
  priority,
});

describe('flood and chattering on the desk', () => {
  it('a flood is more than 10 activations within the last 10 minutes', () => {
    const ten = Array.from({ length: 10 }, (_, i) => act(`a${i}`, i * 30));
    expect(isFlood(ten, T0 + 5 * MIN)).toBe(false);
    const eleven = [...ten, act('a10', 300)];
    expect(isFlood(eleven, T0 + 5 * MIN)).toBe(true);
    // The first (at 0 s) is 10 minutes old at 600 s and no longer counts.
    expect(isFlood(eleven, T0 + 599 * S)).toBe(true);
    expect(isFlood(eleven, T0 + 600 * S)).toBe(false);
  });

  it('a chattering alarm has 3 or more activations within a minute', () => {
    const records = [act('a', 0), act('a', 20), act('b', 30), act('a', 59), act('b', 70)];
    expect(chatteringNow(records, T0 + 59 * S)).toEqual(['a']);
    expect(chatteringNow(records, T0 + 60 * S)).toEqual([]);
  });
});

describe('ISA-18.2 performance figures', () => {
  it('a bad hour: figures and verdicts computed by hand', () => {
    const records = [
      act('z', -300), // before the window: counts only towards the flood at its start
      act('a', 0),
      act('a', 20),
      act('a', 40), // a chatters: 3 within 40 s
      act('b', 660, 'medium'),
      act('b', 1140, 'medium'),
      ...Array.from({ length: 12 }, (_, k) =>
        act(`c${k}`, 1200 + 30 * k, k === 0 ? 'high' : k === 1 ? 'emergency' : 'low'),
      ),
    ];
    const active = [
      { alarmId: 'x', activeSince: T0 + HOUR - 25 * HOUR },
      { alarmId: 'y', activeSince: T0 + HOUR - 23 * HOUR },
    ];
    const p = alarmPerformance(records, active, { from: T0, to: T0 + HOUR });
    expect(p.total).toBe(17);
    // 17 activations in six 10-minute periods; 12 of them between 20:00 and 25:30.
    expect(p.averagePer10Min).toEqual({ value: 2.83, verdict: 'over' });
    expect(p.peakPer10Min).toEqual({ value: 12, verdict: 'over' });
    // 11 within 10 min from 24:30 (b at 19:00 … c9) until 30:30 (c1 is 10 min old): 360 s of 3,600.
    expect(p.floodPercent).toEqual({ value: 10, verdict: 'over' });
    expect(p.standing).toEqual({ value: 1, verdict: 'ok', alarmIds: ['x'] });
    expect(p.topTen.alarms.map((a) => `${a.alarmId}:${a.count}`)).toEqual([
      'a:3',
      'b:2',
      'c0:1',
      'c1:1',
      'c10:1',
      'c11:1',
      'c2:1',
      'c3:1',
      'c4:1',
      'c5:1',
    ]);
    expect(p.topTen).toMatchObject({ value: 76.47, verdict: 'over' }); // 13 of 17
    expect(p.chattering).toEqual({ value: 1, verdict: 'over', alarmIds: ['a'] });
    expect(p.priorities).toEqual({
      percent: { emergency: 5.88, high: 5.88, medium: 11.76, low: 76.47 },
      verdict: 'over',
    });
  });

  it('a good day: 288 different alarms every 5 minutes, priorities as the standard expects', () => {
    const priorities: AlarmPriority[] = [
      ...Array<AlarmPriority>(2).fill('emergency'),
      ...Array<AlarmPriority>(12).fill('high'),
      ...Array<AlarmPriority>(43).fill('medium'),
      ...Array<AlarmPriority>(231).fill('low'),
    ];
    const records = priorities.map((p, i) => act(`alarm-${i}`, i * 300 + 1, p));
    const p = alarmPerformance(records, [], { from: T0, to: T0 + 24 * HOUR });
    expect(p.averagePer10Min).toEqual({ value: 2, verdict: 'manageable' });
    expect(p.peakPer10Min).toEqual({ value: 2, verdict: 'ok' });
    expect(p.floodPercent).toEqual({ value: 0, verdict: 'ok' });
    expect(p.topTen).toMatchObject({ value: 3.47, verdict: 'ok' }); // 10 of 288
    expect(p.chattering).toEqual({ value: 0, verdict: 'ok', alarmIds: [] });
    expect(p.standing).toEqual({ value: 0, verdict: 'ok', alarmIds: [] });
    expect(p.priorities).toEqual({
      percent: { emergency: 0.69, high: 4.17, medium: 14.93, low: 80.21 },
      verdict: 'ok',
    });
    // One per 10 minutes is "very likely acceptable".
    const half = alarmPerformance(
      records.filter((_, i) => i % 2 === 0),
      [],
      { from: T0, to: T0 + 24 * HOUR },
    );
    expect(half.averagePer10Min).toEqual({ value: 1, verdict: 'ok' });
  });

  it('a silent window has no data for shares', () => {
    const p = alarmPerformance([], [], { from: T0, to: T0 + 7 * 24 * HOUR });
    expect(p.total).toBe(0);
    expect(p.averagePer10Min).toEqual({ value: 0, verdict: 'ok' });
    expect(p.topTen.verdict).toBe('no-data');
    expect(p.priorities.verdict).toBe('no-data');
  });
});
