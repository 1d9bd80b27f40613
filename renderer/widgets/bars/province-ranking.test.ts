import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { IndicatorPayload } from '../../../src/contract/topics.js';
import { LatestValues } from '../../../src/domain/latest-values.js';
import { PROVINCES } from '../../../src/domain/provinces.js';
import { eventsOf } from '../../state/payloads';
import { rankProvinces } from './province-ranking';

let offset = 0;
function ev(province: string, indicator: IndicatorPayload['indicator'], value: number, key?: string): Envelope {
  offset++;
  return {
    topic: 'econ.indicators',
    offset,
    time: offset,
    source: 'demo',
    key: key ?? `${province}:${indicator}`,
    payload: {
      province,
      indicator,
      value,
      period: '2026-10',
      status: province === '79' ? 'preliminary' : 'official',
      sourceSystem: 'Cục Thống kê (NSO)',
    } satisfies IndicatorPayload,
  };
}

function events(list: Envelope[]) {
  const v = new LatestValues();
  for (const e of list) v.apply(e);
  return eventsOf(v, 'econ.indicators');
}

describe('rankProvinces', () => {
  it('sorts the 34 provinces by value with Vietnamese names and keeps the top N', () => {
    const all = events(PROVINCES.map((p, i) => ev(p.code, 'fdi', (i * 7) % 34)));
    const r = rankProvinces(all, 'fdi', 'desc', 5, 'vi');
    expect(r.reporting).toBe(34);
    expect(r.total).toBe(34);
    expect(r.rows).toHaveLength(5);
    expect(r.rows.map((x) => x.value)).toEqual([33, 32, 31, 30, 29]);
    expect(r.rows.every((x) => x.name.length > 0)).toBe(true);
    const asc = rankProvinces(all, 'fdi', 'asc', 3, 'vi');
    expect(asc.rows.map((x) => x.value)).toEqual([0, 1, 2]);
  });

  it('ignores other indicators and breaks ties by province code', () => {
    const r = rankProvinces(
      events([ev('79', 'fdi', 5), ev('01', 'fdi', 5), ev('48', 'cpi', 99)]),
      'fdi',
      'desc',
      10,
      'vi',
    );
    expect(r.rows.map((x) => x.name)).toEqual(['Hà Nội', 'TP Hồ Chí Minh']);
    expect(r.rows[1]?.preliminary).toBe(true);
    expect(r.period).toBe('2026-10');
  });

  it('leaves out and reports a record whose key disagrees with its payload', () => {
    const r = rankProvinces(events([ev('48', 'fdi', 7, '01:fdi'), ev('79', 'fdi', 3)]), 'fdi', 'desc', 10, 'vi');
    expect(r.rows.map((x) => x.code)).toEqual(['79']);
    expect(r.problems).toEqual(['01:fdi ≠ 48:fdi']);
  });
});
