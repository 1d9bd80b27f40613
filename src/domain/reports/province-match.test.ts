import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OLD_PROVINCES } from '../geo/old-provinces.js';
import { PROVINCES } from '../provinces.js';
import { matchProvince } from './province-match.js';

describe('matchProvince', () => {
  it('recognises every province by code, short name, full name and English name', () => {
    for (const p of PROVINCES) {
      for (const cell of [p.code, String(Number(p.code)), p.name, p.fullName, p.nameEn]) {
        expect(matchProvince(cell), cell).toEqual({ ok: true, code: p.code, merged: null });
      }
    }
  });

  it('does not care about case, diacritics or spacing', () => {
    const variants = (s: string) =>
      fc.constantFrom(
        s,
        s.toUpperCase(),
        s.toLowerCase(),
        s.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd'),
        `  ${s.replace(/ /g, '   ')} `,
        s.normalize('NFD'),
      );
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCES).chain((p) => fc.tuple(fc.constant(p), variants(p.fullName))),
        ([p, cell]) => {
          expect(matchProvince(cell)).toEqual({ ok: true, code: p.code, merged: null });
        },
      ),
    );
  });

  it('lands a pre-2025 province on the one it merged into, naming the merge', () => {
    expect(matchProvince('Bình Dương')).toEqual({
      ok: true,
      code: '79',
      merged: { oldCode: '74', oldName: 'Bình Dương' },
    });
    expect(matchProvince('tinh ba ria - vung tau')).toMatchObject({ ok: true, code: '79' });
    expect(matchProvince('74')).toMatchObject({ ok: true, code: '79', merged: { oldCode: '74' } });
    for (const old of OLD_PROVINCES) {
      const m = matchProvince(old.name);
      expect(m, old.name).toMatchObject({ ok: true, code: old.newCode });
      // A name still in force ("Lào Cai", now under Yên Bái's old code) is that province, not a merge.
      const current = PROVINCES.some((p) => p.name === old.name);
      if (m.ok) expect(m.merged?.oldCode ?? null, old.name).toBe(current || old.code === old.newCode ? null : old.code);
    }
  });

  it('knows the names people write for the largest city', () => {
    for (const cell of ['TP HCM', 'tp.hcm', 'Hồ Chí Minh', 'TP. Hồ Chí Minh', 'Sài Gòn']) {
      expect(matchProvince(cell), cell).toMatchObject({ ok: true, code: '79' });
    }
  });

  it('refuses what is no province, in Vietnamese', () => {
    expect(matchProvince('')).toMatchObject({ ok: false, reason: expect.stringContaining('thiếu') });
    expect(matchProvince('99')).toMatchObject({ ok: false, reason: expect.stringContaining('mã 99') });
    expect(matchProvince('Atlantis')).toMatchObject({ ok: false, reason: expect.stringContaining('không nhận ra') });
  });
});
