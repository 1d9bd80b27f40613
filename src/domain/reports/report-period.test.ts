import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorPayload } from '../../contract/topics.js';
import { parsePeriod } from './report-period.js';

describe('parsePeriod', () => {
  it.each([
    ['Tháng 10/2025', '2025-10'],
    ['tháng 3 năm 2025', '2025-03'],
    ['10/2025', '2025-10'],
    ['THANG 1/2026', '2026-01'],
    ['2025-10', '2025-10'],
    ['Quý III/2025', '2025-Q3'],
    ['quý 4 năm 2025', '2025-Q4'],
    ['Q2/2025', '2025-Q2'],
    ['2025-Q1', '2025-Q1'],
    ['6 tháng đầu năm 2025', '2025-H1'],
    ['6 thang cuoi nam 2025', '2025-H2'],
    ['2025-H1', '2025-H1'],
    ['Năm 2025', '2025-Y'],
    ['2025', '2025-Y'],
  ])('%s → %s', (cell, period) => {
    expect(parsePeriod(cell)).toEqual({ ok: true, period });
  });

  it('reads a date cell as its month', () => {
    expect(parsePeriod(new Date(Date.UTC(2025, 9, 1)))).toEqual({ ok: true, period: '2025-10' });
  });

  it('refuses what is no period, naming the forms it knows', () => {
    for (const cell of ['Tháng 13/2025', 'Quý V/2025', 'hôm qua', '', '12/25']) {
      expect(parsePeriod(cell), cell).toMatchObject({ ok: false, reason: expect.stringContaining('Tháng 10/2025') });
    }
  });

  it('gives only periods an indicator event accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (cell) => {
        const r = parsePeriod(cell);
        if (r.ok) expect(IndicatorPayload.shape.period.safeParse(r.period).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2099 }), (m, y) => {
        expect(parsePeriod(`Tháng ${m}/${y}`)).toEqual({ ok: true, period: `${y}-${String(m).padStart(2, '0')}` });
      }),
    );
  });
});
