import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { IndicatorPayload } from '../../../src/contract/topics.js';
import { aggregateChange, aggregateCourse, keyChange } from './kpi-change';
import type { KpiFigure } from './kpi-figure';

let offset = 0;
function ind(province: string, value: number, period: string, time: number): Envelope {
  offset++;
  return {
    topic: 'econ.indicators',
    offset,
    time,
    source: 'demo',
    key: `${province}:gdp_growth`,
    payload: {
      province,
      indicator: 'gdp_growth',
      value,
      period,
      status: 'official',
      sourceSystem: 'NSO',
    } satisfies IndicatorPayload,
  };
}
function live(value: number, time: number): Envelope {
  offset++;
  return { topic: 'econ.live', offset, time, source: 'demo', key: 'new_businesses_today', payload: { value } };
}
function figure(value: number, period: string | null, time: number, count = 1): KpiFigure {
  return {
    value,
    time,
    sources: [],
    demo: false,
    period,
    status: null,
    preliminary: 0,
    count,
    total: count === 1 ? null : 34,
  };
}

const MIN = 60_000;

describe('keyChange', () => {
  it('compares with the newest revision of the latest earlier period', () => {
    const h = [
      ind('01', 6.0, '2026-08', 1),
      ind('01', 6.2, '2026-09', 2),
      ind('01', 6.4, '2026-09', 3),
      ind('01', 7, '2026-10', 4),
    ];
    const c = keyChange(h, figure(7, '2026-10', 4), 60);
    expect(c?.previous).toBe(6.4);
    expect(c?.delta).toBeCloseTo(0.6, 10);
    expect(c?.percent).toBeCloseTo((0.6 / 6.4) * 100, 10);
    expect(c?.basis).toEqual({ kind: 'period', period: '2026-09' });
  });

  it('falls back to the value `compareMinutes` ago when there is no period', () => {
    const h = [live(100, 0), live(110, 30 * MIN), live(130, 70 * MIN)];
    const c = keyChange(h, figure(130, null, 70 * MIN), 60);
    expect(c).toMatchObject({ previous: 100, delta: 30, basis: { kind: 'minutes', minutes: 60 } });
  });

  it('has no change without an earlier figure, and no percent against zero', () => {
    expect(keyChange([live(5, 0)], figure(5, null, 0), 60)).toBeNull();
    const c = keyChange([live(0, 0), live(5, 61 * MIN)], figure(5, null, 61 * MIN), 60);
    expect(c?.percent).toBeNull();
  });

  it('does not compare a month with a quarter', () => {
    const h = [ind('01', 5, '2026-Q3', 1), ind('01', 7, '2026-10', 2)];
    expect(keyChange(h, figure(7, '2026-10', 2), 60)).toBeNull();
  });
});

describe('aggregateChange', () => {
  const h = [
    ind('01', 6, '2026-09', 1),
    ind('79', 8, '2026-09', 2),
    ind('01', 7, '2026-10', 3),
    ind('79', 9, '2026-10', 4),
  ];

  it('aggregates the provinces’ previous period like the current one', () => {
    const mean = aggregateChange(h, 'gdp_growth', 'mean', figure(8, '2026-10', 4, 2), 60);
    expect(mean).toMatchObject({ previous: 7, delta: 1, basis: { kind: 'period', period: '2026-09' } });
    const sum = aggregateChange(h, 'gdp_growth', 'sum', figure(16, '2026-10', 4, 2), 60);
    expect(sum).toMatchObject({ previous: 14, delta: 2 });
  });

  it('refuses to compare over a different set of provinces', () => {
    expect(aggregateChange(h, 'gdp_growth', 'sum', figure(20, '2026-10', 4, 3), 60)).toBeNull();
  });

  it('traces the aggregate once every province has reported, one point per time', () => {
    const together = [ind('01', 6, '2026-09', 5), ind('79', 8, '2026-09', 5), ind('01', 7, '2026-10', 6)];
    expect(aggregateCourse(together, 'gdp_growth', 'mean', 2)).toEqual([
      [5, 7],
      [6, 7.5],
    ]);
    expect(aggregateCourse(h, 'gdp_growth', 'mean', 2)).toEqual([
      [2, 7],
      [3, 7.5],
      [4, 8],
    ]);
  });
});
