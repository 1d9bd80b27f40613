import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import type { AlarmRule } from '../../src/domain/alarms/alarm-rules.js';
import { testAlarm } from '../../test/support/alarms.js';
import { activationsOf, dryRunFromCache, performanceFromCache } from './alarm-figures.js';

const NOW = 1_800_000_000_000;
let offset = 0;
const envelope = (topic: Envelope['topic'], key: string, time: number, payload: unknown): Envelope => ({
  topic,
  key,
  time,
  payload,
  offset: ++offset,
  source: 'test',
});

/** What the host's cache answers, from a list of events. */
function cacheOf(events: readonly Envelope[]) {
  return {
    history: (topic: string, key: string | undefined, since: number, limit: number) =>
      events.filter((e) => e.topic === topic && (key === undefined || e.key === key) && e.time >= since).slice(-limit),
    latest: () => [...new Map(events.map((e) => [`${e.topic}/${e.key}`, e])).values()],
  };
}

describe('alarm figures from the cache', () => {
  it('counts an activation once however many transitions of it the history holds', () => {
    const active = testAlarm({ id: 'a', at: NOW - 5000 });
    const acked = testAlarm({ id: 'a', at: NOW - 5000, then: ['acknowledge'] });
    const again = testAlarm({ id: 'a', at: NOW - 1000 });
    const events = [active, acked, again].map((a) => envelope('ops.alerts', 'a', a.updatedAt, a));
    expect(activationsOf(events).map((r) => r.at)).toEqual([NOW - 5000, NOW - 1000]);
    const figures = performanceFromCache(cacheOf(events), NOW);
    expect(figures.day.total).toBe(2);
    expect(figures.week.total).toBe(2);
  });

  it('dry-runs a rule over the last 24 h of its topic, and refuses an unknown topic', () => {
    const rule: AlarmRule = {
      id: 'cpi-cao',
      kind: 'threshold',
      name: 'CPI cao',
      priority: 'high',
      area: { province: null, unit: null },
      watch: { topic: 'econ.live', key: 'new_businesses_today' },
      dedupKey: '{rule}:{key}',
      direction: 'above',
      limit: 10,
      field: 'value',
      deadband: 0,
      onDelayS: 0,
      offDelayS: 0,
    };
    const values = [5, 20, 5, 30, 5];
    const events = values.map((v, i) =>
      envelope('econ.live', 'new_businesses_today', NOW - 3_600_000 + i * 60_000, { value: v }),
    );
    // Older than 24 h: not counted.
    events.unshift(envelope('econ.live', 'new_businesses_today', NOW - 25 * 3_600_000, { value: 99 }));
    expect(dryRunFromCache(cacheOf(events), rule, NOW)).toMatchObject({ fired: 2, events: 5 });
    expect(() => dryRunFromCache(cacheOf(events), { ...rule, watch: { topic: 'khong.co', key: '*' } }, NOW)).toThrow(
      /does not know/,
    );
  });
});
