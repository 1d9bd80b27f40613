import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { IndicatorPayload } from '../../../src/contract/topics.js';
import { LatestValues } from '../../../src/domain/latest-values.js';
import { gaugeFigure } from './gauge-figure';
import { GaugeSettings } from './gauge-settings';

const ev = (offset: number, key: string, province: string, value: number): Envelope => ({
  topic: 'econ.indicators',
  offset,
  time: offset,
  source: 'demo',
  key,
  payload: {
    province,
    indicator: 'disbursement',
    value,
    period: '2026-10',
    status: 'official',
    sourceSystem: 'Kho bạc Nhà nước',
  } satisfies IndicatorPayload,
});

function values(list: Envelope[]): LatestValues {
  const v = new LatestValues();
  for (const e of list) v.apply(e);
  return v;
}

describe('gaugeFigure', () => {
  const data = values([ev(1, '01:disbursement', '01', 40), ev(2, '79:disbursement', '79', 60)]);

  it('reads the national mean or one province', () => {
    expect(gaugeFigure(GaugeSettings.parse({ target: 50 }), data)?.value).toBe(50);
    expect(gaugeFigure(GaugeSettings.parse({ target: 50, province: '79' }), data)?.value).toBe(60);
    expect(gaugeFigure(GaugeSettings.parse({ target: 50, province: '48' }), data)).toBeNull();
  });

  it('throws when a province’s key carries another province’s figure', () => {
    const bad = values([ev(1, '48:disbursement', '01', 40)]);
    expect(() => gaugeFigure(GaugeSettings.parse({ target: 50, province: '48' }), bad)).toThrow(/carries 01/);
  });

  it('refuses settings without a target, a max under the target, or unknown names', () => {
    expect(GaugeSettings.safeParse({}).success).toBe(false);
    expect(GaugeSettings.safeParse({ target: 50, max: 40 }).success).toBe(false);
    expect(GaugeSettings.safeParse({ target: 50, tagret: 60 }).success).toBe(false);
  });
});
