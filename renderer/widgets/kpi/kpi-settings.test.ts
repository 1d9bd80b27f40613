import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KpiSettings } from './kpi-settings';

describe('KpiSettings', () => {
  it('reads a single key and fills label, unit and digits', () => {
    expect(KpiSettings.parse({ topic: 'econ.live', key: 'new_businesses_today' })).toEqual({
      mode: 'key',
      topic: 'econ.live',
      key: 'new_businesses_today',
      label: 'kpi.newBusinessesToday',
      unit: 'unit.businesses',
      fractionDigits: 1,
      better: 'higher',
      compareMinutes: 60,
      historyDays: 7,
    });
  });

  it('reads an aggregate over provinces, the demo wall form', () => {
    const s = KpiSettings.parse({
      topic: 'econ.indicators',
      indicator: 'fdi',
      aggregate: 'sum',
      label: 'kpi.fdi',
      unit: 'unit.millionUsd',
    });
    expect(s).toEqual({
      mode: 'aggregate',
      topic: 'econ.indicators',
      indicator: 'fdi',
      aggregate: 'sum',
      label: 'kpi.fdi',
      unit: 'unit.millionUsd',
      fractionDigits: 1,
      better: 'higher',
      compareMinutes: 60,
      historyDays: 7,
    });
  });

  it('defaults the aggregate to a mean with the indicator’s own label', () => {
    expect(KpiSettings.parse({ indicator: 'gdp_growth' })).toMatchObject({
      mode: 'aggregate',
      topic: 'econ.indicators',
      aggregate: 'mean',
      label: 'kpi.gdpGrowth',
      unit: 'unit.percent',
    });
  });

  it('refuses labels that are not messages, unknown indicators and aggregates, and a missing key', () => {
    const errors = (raw: unknown): string => {
      const r = KpiSettings.safeParse(raw);
      return r.success ? '' : z.prettifyError(r.error);
    };
    expect(errors({ topic: 'econ.live', key: 'x', label: 'kpi.nope' })).toMatch(/label/);
    expect(errors({ indicator: 'gdp', aggregate: 'mean' })).toMatch(/indicator/);
    expect(errors({ indicator: 'cpi', aggregate: 'median' })).toMatch(/aggregate/);
    expect(errors({ indicator: 'cpi', topic: 'econ.live' })).toMatch(/topic/);
    expect(errors({ topic: 'econ.live' })).toMatch(/key/);
    expect(errors({ topic: 'weather', key: 'x' })).toMatch(/topic/);
    expect(errors({})).not.toBe('');
  });

  it('names one province’s indicator by the indicator, and leaves unknown keys without words', () => {
    expect(KpiSettings.parse({ topic: 'econ.indicators', key: '01:cpi' })).toMatchObject({
      label: 'kpi.cpi',
      unit: 'unit.percent',
    });
    expect(KpiSettings.parse({ topic: 'econ.live', key: 'other' })).toMatchObject({ label: null, unit: null });
  });
});
