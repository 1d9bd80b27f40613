import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../provinces.js';
import { joinOldToNew } from './crosswalk.js';
import { OLD_PROVINCES, newCodeOf } from './old-provinces.js';

const CSV = join(import.meta.dirname, '../../../assets/geodata/vn_province_crosswalk_63_to_34.csv');

describe('OLD_PROVINCES', () => {
  it('is the shipped crosswalk CSV, row for row', () => {
    const rows = readFileSync(CSV, 'utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(63);
    const fromCsv = rows.map((row) => {
      const [code, , name, , newCode] = row.split(',');
      return { code, name, newCode };
    });
    expect(OLD_PROVINCES).toEqual(fromCsv);
  });

  it('maps every old province onto one of the 34, and covers all 34', () => {
    for (const p of OLD_PROVINCES) expect(PROVINCE_CODES).toContain(p.newCode);
    expect(new Set(OLD_PROVINCES.map((p) => p.newCode)).size).toBe(34);
  });

  it('knows the codes that moved to another province’s name', () => {
    // A new province keeps the code of the old one hosting its centre: joining on digits alone would be wrong.
    expect(newCodeOf('91')).toBe('91'); // Kiên Giang → An Giang (91)
    expect(newCodeOf('89')).toBe('91'); // An Giang (89) → An Giang (91)
    expect(newCodeOf('80')).toBe('80'); // Long An → Tây Ninh (80)
    expect(newCodeOf('72')).toBe('80'); // Tây Ninh (72) → Tây Ninh (80)
    expect(newCodeOf('27')).toBe('24'); // Bắc Ninh (27) → Bắc Ninh (24)
    expect(newCodeOf('99')).toBeUndefined();
  });
});

describe('joinOldToNew', () => {
  it('sums the old parts of a merged province', () => {
    // HCMC (79) + Bình Dương (74) + Bà Rịa–Vũng Tàu (77) → Hồ Chí Minh (79)
    const j = joinOldToNew({ '79': 10, '74': 5, '77': 2.5, '01': 7 }, 'sum');
    expect(j.byProvince.get('79')).toEqual({ value: 17.5, from: ['74', '77', '79'], of: 3 });
    expect(j.byProvince.get('01')).toEqual({ value: 7, from: ['01'], of: 1 });
    expect(j.byProvince.size).toBe(2);
    expect(j.unknownCodes).toEqual([]);
  });

  it('averages, and says when only some parts reported', () => {
    // Ninh Bình (37) + Hà Nam (35) + Nam Định (36) → Ninh Bình (37); Nam Định missing
    const j = joinOldToNew({ '37': 6, '35': 8 }, 'mean');
    expect(j.byProvince.get('37')).toEqual({ value: 7, from: ['35', '37'], of: 3 });
  });

  it('reports keys that are not old codes and skips values that are not numbers', () => {
    const j = joinOldToNew({ '00': 1, 'VN-HN': 2, '01': Number.NaN, '02': 4 }, 'sum');
    expect(j.unknownCodes).toEqual(['00', 'VN-HN']);
    expect(j.byProvince.has('01')).toBe(false);
    expect(j.byProvince.get('08')?.value).toBe(4);
  });

  it('keeps a national total through the join', () => {
    const values = Object.fromEntries(OLD_PROVINCES.map((p, i) => [p.code, i + 1]));
    const j = joinOldToNew(values, 'sum');
    expect(j.byProvince.size).toBe(34);
    const total = [...j.byProvince.values()].reduce((s, f) => s + f.value, 0);
    expect(total).toBe((63 * 64) / 2);
  });
});
