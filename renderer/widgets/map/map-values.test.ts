import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { IndicatorPayload } from '../../../src/contract/topics.js';
import { LatestValues } from '../../../src/domain/latest-values.js';
import { eventsOf } from '../../state/payloads';
import { MapSettings } from './map-settings';
import { indicatorFigures, labelCharacters, legacyFigures, newestFigureTime } from './map-values';

let offset = 0;
function indicator(province: string, ind: IndicatorPayload['indicator'], value: number): Envelope {
  offset++;
  return {
    topic: 'econ.indicators',
    offset,
    time: 1_000 + offset,
    source: 'demo',
    key: `${province}:${ind}`,
    payload: { province, indicator: ind, value, period: '2026-Q3', status: 'official', sourceSystem: 'NSO' },
  };
}

describe('indicatorFigures', () => {
  it('takes the latest value of the chosen indicator per province', () => {
    const values = new LatestValues();
    for (const e of [indicator('01', 'cpi', 3), indicator('79', 'cpi', 4), indicator('01', 'fdi', 99)]) values.apply(e);
    const figures = indicatorFigures(eventsOf(values, 'econ.indicators'), 'cpi');
    expect([...figures.keys()].sort()).toEqual(['01', '79']);
    expect(figures.get('01')).toMatchObject({ value: 3, period: '2026-Q3', status: 'official' });
    expect(newestFigureTime(figures)).toBe(figures.get('79')?.time);
  });
});

describe('legacyFigures', () => {
  it('joins old province figures through the crosswalk', () => {
    const settings = MapSettings.parse({
      legacy: { title: 'FDI 2024', aggregate: 'sum', values: { '79': 10, '74': 5, '77': 1, '01': 2 } },
    });
    const figures = legacyFigures(settings.legacy!);
    expect(figures.get('79')).toMatchObject({ value: 16, parts: { have: 3, of: 3 } });
    expect(figures.get('01')).toMatchObject({ value: 2, parts: { have: 1, of: 1 } });
    expect(newestFigureTime(figures)).toBeNull();
  });
});

describe('labelCharacters', () => {
  it('covers ASCII and every Vietnamese letter of the labels', () => {
    const chars = labelCharacters(['Đắk Lắk', 'Thừa Thiên Huế\n7,5']);
    for (const ch of 'AZaz09Đắừếế,') expect(chars).toContain(ch);
    expect(chars).not.toContain('\n');
  });
});

describe('MapSettings', () => {
  it('fills defaults: ODV boundaries, GRDP growth, five quantile classes', () => {
    expect(MapSettings.parse({})).toMatchObject({
      indicator: 'gdp_growth',
      boundaries: 'odv',
      classes: 5,
      classification: 'quantile',
      points: [],
      arcs: [],
      heatmap: false,
    });
  });

  it('refuses unknown indicators, paths that climb out of the app and bad arcs', () => {
    expect(MapSettings.safeParse({ indicator: 'gdp' }).success).toBe(false);
    expect(MapSettings.safeParse({ boundaryUrl: '../secrets.json' }).success).toBe(false);
    expect(MapSettings.safeParse({ boundaryUrl: 'site/a/../../b.geojson' }).success).toBe(false);
    expect(MapSettings.safeParse({ boundaryUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(MapSettings.safeParse({ boundaryUrl: 'site/provinces-2025.geojson' }).success).toBe(true);
    expect(MapSettings.safeParse({ boundaryUrl: 'http://127.0.0.1:4180/site/p.geojson' }).success).toBe(true);
    expect(
      MapSettings.safeParse({ arcs: [{ from: { lon: 127, lat: 37.5, name: 'Hàn Quốc' }, to: '02', value: 1 }] })
        .success,
    ).toBe(false);
  });
});
