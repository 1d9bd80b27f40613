// Which of the 34 provinces a report's cell names: a code ("1", "01", "79"), a name with or without diacritics and
// prefix ("TP Hồ Chí Minh", "tinh cao bang"), or a province of before 1 July 2025 ("Bình Dương", code 74), which
// lands on the province it merged into — with the merge named, for the event's provenance.
import { OLD_PROVINCES } from '../geo/old-provinces.js';
import { PROVINCES, provinceByCode } from '../provinces.js';
import { foldText } from './folded-text.js';

export type ProvinceMatch =
  { ok: true; code: string; merged: { oldCode: string; oldName: string } | null } | { ok: false; reason: string };

/** "thanh pho", "tinh", "tp" in front of a name say what kind of unit it is, not which. */
const PREFIX = /^(thanh pho|tinh|tp)\s+/;
/** Names people write that are neither the official nor the pre-2025 name. */
const ALIASES: Readonly<Record<string, string>> = { hcm: '79', tphcm: '79', 'sai gon': '79', 'thua thien hue': '46' };

const byName = new Map<string, { code: string; merged: { oldCode: string; oldName: string } | null }>();
for (const old of OLD_PROVINCES) {
  const merged = old.code === old.newCode ? null : { oldCode: old.code, oldName: old.name };
  byName.set(foldText(old.name).replace(PREFIX, ''), { code: old.newCode, merged });
}
// The names in force win over an old name folding to the same text.
for (const p of PROVINCES) {
  for (const name of [p.name, p.fullName, p.nameEn])
    byName.set(foldText(name).replace(PREFIX, ''), { code: p.code, merged: null });
}
const oldByCode = new Map(OLD_PROVINCES.map((p) => [p.code, p]));

export function matchProvince(cell: string): ProvinceMatch {
  const text = foldText(cell);
  if (text === '') return { ok: false, reason: 'thiếu tên hoặc mã tỉnh, thành phố' };
  if (/^\d{1,2}$/.test(text)) {
    const code = text.padStart(2, '0');
    if (provinceByCode(code)) return { ok: true, code, merged: null };
    const old = oldByCode.get(code);
    if (old) return { ok: true, code: old.newCode, merged: { oldCode: old.code, oldName: old.name } };
    return { ok: false, reason: `không có tỉnh, thành phố mã ${code}` };
  }
  const name = text.replace(PREFIX, '');
  const aliased = ALIASES[name] ?? ALIASES[name.replace(/\s/g, '')];
  if (aliased) return { ok: true, code: aliased, merged: null };
  const found = byName.get(name);
  if (found) return { ok: true, ...found };
  return { ok: false, reason: `không nhận ra tỉnh, thành phố "${cell.trim().slice(0, 60)}"` };
}
