// The province a CAP geocode names: our 2-digit code, a pre-2025 code or name (through the 63→34 crosswalk), or
// today's name with or without diacritics, "Tỉnh"/"Thành phố"/"TP" or not. Senders use any of these.
import { OLD_PROVINCES } from '../geo/old-provinces.js';
import { PROVINCES, PROVINCE_CODES } from '../provinces.js';

/** Lower case, no diacritics (đ → d), no administrative prefix, single spaces. */
function foldProvinceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/^\s*(tinh|thanh pho|tp|province|city)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_NAME = new Map<string, string>();
for (const old of OLD_PROVINCES) BY_NAME.set(foldProvinceName(old.name), old.newCode);
for (const p of PROVINCES) {
  for (const name of [p.name, p.fullName, p.nameEn]) BY_NAME.set(foldProvinceName(name), p.code);
}
const OLD_CODES = new Map(OLD_PROVINCES.map((p) => [p.code, p.newCode]));

export function provinceOfGeocode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const code = trimmed.padStart(2, '0');
    return PROVINCE_CODES.includes(code) ? code : OLD_CODES.get(code);
  }
  return BY_NAME.get(foldProvinceName(trimmed));
}
