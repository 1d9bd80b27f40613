import { describe, expect, it } from 'vitest';
import { parseReportNumber } from './report-number.js';
import { parseUnit, toIndicatorUnit } from './report-unit.js';

describe('parseUnit and toIndicatorUnit', () => {
  it('reads the units reports use', () => {
    expect(parseUnit('tỷ đồng')).toMatchObject({ quantity: 'vnd', scale: 1e9 });
    expect(parseUnit('Triệu USD')).toMatchObject({ quantity: 'usd', scale: 1e6 });
    expect(parseUnit('%')).toMatchObject({ quantity: 'percent', scale: 1 });
    expect(parseUnit('nghìn tỷ đồng')).toMatchObject({ quantity: 'vnd', scale: 1e12 });
    expect(parseUnit('con voi')).toBeNull();
  });

  it('converts between scales of one quantity and refuses another quantity', () => {
    expect(toIndicatorUnit(1.2, parseUnit('tỷ USD')!, 'fdi')).toEqual({ ok: true, value: 1200 });
    expect(toIndicatorUnit(350, parseUnit('triệu USD')!, 'fdi')).toEqual({ ok: true, value: 350 });
    expect(toIndicatorUnit(6.5, parseUnit('%')!, 'gdp_growth')).toEqual({ ok: true, value: 6.5 });
    expect(toIndicatorUnit(10, parseUnit('tỷ đồng')!, 'fdi')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('không quy đổi được'),
    });
  });
});

describe('parseReportNumber', () => {
  it.each([
    [12.5, 12.5],
    ['1.234,5', 1234.5],
    ['6,5 %', 6.5],
    ['1.234', 1234],
    ['1234.5', 1234.5],
    ['-0,3', -0.3],
  ])('%s → %s', (cell, value) => {
    expect(parseReportNumber(cell)).toEqual({ ok: true, value });
  });

  it('refuses text and empty cells rather than reading 0', () => {
    expect(parseReportNumber('chưa có')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('không phải là số'),
    });
    expect(parseReportNumber('')).toMatchObject({ ok: false, reason: expect.stringContaining('trống') });
    expect(parseReportNumber(null)).toMatchObject({ ok: false });
  });
});
