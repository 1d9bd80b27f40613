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

  it('leaves label and unit empty for a key it has no words for', () => {
    expect(KpiSettings.parse({ topic: 'econ.indicators', key: '01:cpi' })).toMatchObject({ label: null, unit: null });
  });
});
