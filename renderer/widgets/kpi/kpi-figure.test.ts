import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { IndicatorPayload } from '../../../src/contract/topics.js';
import { LatestValues } from '../../../src/domain/latest-values.js';
import { PROVINCES } from '../../../src/domain/provinces.js';
import { eventsOf } from '../../state/payloads';
import { aggregateIndicator, keyFigure, kpiFigure } from './kpi-figure';
import { KpiSettings } from './kpi-settings';

let offset = 0;
function indicator(
  province: string,
  ind: IndicatorPayload['indicator'],
  value: number,
  extra: Partial<IndicatorPayload> = {},
): Envelope {
  offset++;
  return {
    topic: 'econ.indicators',
    offset,
    time: 1_000_000 + offset,
    source: 'demo',
    key: `${province}:${ind}`,
    payload: {
      province,
      indicator: ind,
      value,
      period: '2026-10',
      status: 'official',
      sourceSystem: 'Cục Thống kê (NSO)',
      ...extra,
    } satisfies IndicatorPayload,
  };
}

function valuesOf(events: Envelope[]): LatestValues {
  const v = new LatestValues();
  for (const e of events) v.apply(e);
  return v;
}

describe('aggregateIndicator', () => {
  it('averages and sums the latest value of every province, ignoring other indicators', () => {
    const values = valuesOf([
      indicator('01', 'gdp_growth', 6),
      indicator('79', 'gdp_growth', 8),
      indicator('48', 'gdp_growth', 10),
      indicator('01', 'gdp_growth', 7), // newer value for Hà Nội replaces 6
      indicator('01', 'cpi', 100),
    ]);
    const events = eventsOf(values, 'econ.indicators');
    const mean = aggregateIndicator(events, 'gdp_growth', 'mean');
    expect(mean?.value).toBeCloseTo((7 + 8 + 10) / 3, 10);
    expect(mean?.count).toBe(3);
    expect(mean?.total).toBe(34);
    expect(aggregateIndicator(events, 'gdp_growth', 'sum')?.value).toBe(25);
    expect(aggregateIndicator(events, 'fdi', 'sum')).toBeNull();
  });

  it('covers all 34 provinces', () => {
    const values = valuesOf(PROVINCES.map((p, i) => indicator(p.code, 'fdi', i + 1)));
    const sum = aggregateIndicator(eventsOf(values, 'econ.indicators'), 'fdi', 'sum');
    expect(sum?.value).toBe((34 * 35) / 2);
    expect(sum?.count).toBe(34);
  });

  it('reports provenance: sources, newest period, preliminary share and newest time', () => {
    const values = valuesOf([
      indicator('01', 'disbursement', 50, {
        status: 'preliminary',
        period: '2026-11',
        sourceSystem: 'Kho bạc Nhà nước',
      }),
      indicator('79', 'disbursement', 60, { sourceSystem: 'Kho bạc Nhà nước' }),
      indicator('48', 'disbursement', 70, { sourceSystem: 'Khác' }),
    ]);
    const f = aggregateIndicator(eventsOf(values, 'econ.indicators'), 'disbursement', 'mean');
    expect(f).toMatchObject({
      value: 60,
      sources: ['Kho bạc Nhà nước', 'Khác'],
      period: '2026-11',
      status: 'mixed',
      preliminary: 1,
    });
    expect(f?.time).toBe(Math.max(...values.topic('econ.indicators').map((e) => e.time)));
  });

  it('says official or preliminary when all agree', () => {
    const official = valuesOf([indicator('01', 'cpi', 3), indicator('79', 'cpi', 4)]);
    expect(aggregateIndicator(eventsOf(official, 'econ.indicators'), 'cpi', 'mean')?.status).toBe('official');
    const prelim = valuesOf([indicator('01', 'cpi', 3, { status: 'preliminary' })]);
    expect(aggregateIndicator(eventsOf(prelim, 'econ.indicators'), 'cpi', 'mean')?.status).toBe('preliminary');
  });

  it('skips payloads that do not match the topic schema', () => {
    const bad: Envelope = {
      ...indicator('01', 'cpi', 3),
      payload: { province: '01', indicator: 'cpi', value: 'high' },
    };
    const values = valuesOf([bad, indicator('79', 'cpi', 4)]);
    expect(aggregateIndicator(eventsOf(values, 'econ.indicators'), 'cpi', 'mean')?.value).toBe(4);
  });
});

describe('keyFigure and kpiFigure', () => {
  const live: Envelope = {
    topic: 'econ.live',
    offset: 5,
    time: 42,
    source: 'demo',
    key: 'new_businesses_today',
    payload: {
      metric: 'new_businesses_today',
      value: 1234,
      sourceSystem: 'Cổng thông tin quốc gia về đăng ký doanh nghiệp',
    },
  };

  it('reads one key’s payload.value with its source', () => {
    const f = keyFigure(valuesOf([live]), 'econ.live', 'new_businesses_today');
    expect(f).toMatchObject({ value: 1234, time: 42, sources: ['Cổng thông tin quốc gia về đăng ký doanh nghiệp'] });
    expect(f?.demo).toBe(true);
    expect(keyFigure(valuesOf([{ ...live, source: 'so-ke-hoach' }]), 'econ.live', live.key)?.demo).toBe(false);
    expect(keyFigure(valuesOf([live]), 'econ.live', 'documents_processed_today')).toBeNull();
  });

  it('throws for a key whose payload has no number, so the tile shows an error', () => {
    const task: Envelope = { ...live, topic: 'gov.tasks', key: 'NV-1', payload: { id: 'NV-1' } };
    expect(() => keyFigure(valuesOf([task]), 'gov.tasks', 'NV-1')).toThrow(/payload.value/);
  });

  it('dispatches on the settings', () => {
    const values = valuesOf([live, indicator('01', 'fdi', 10), indicator('79', 'fdi', 5)]);
    expect(kpiFigure(KpiSettings.parse({ topic: 'econ.live', key: 'new_businesses_today' }), values)?.value).toBe(1234);
    expect(kpiFigure(KpiSettings.parse({ indicator: 'fdi', aggregate: 'sum' }), values)?.value).toBe(15);
  });
});
