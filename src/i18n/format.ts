// Formatters for what the wall prints: Vietnamese conventions first (1.234,5 · dd/MM/yyyy · 24-hour time).
// Dates and times are assembled from Intl parts rather than taken whole, so the pattern does not depend on the
// ICU build of whichever runtime (Node, Chromium, Electron) draws the page. Pure: no DOM, no node.

export type FormatLocale = 'vi' | 'en';

/** Time zone of the room when none is given. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const INTL_LOCALE: Record<FormatLocale, string> = { vi: 'vi-VN', en: 'en-GB' };

// Building an Intl formatter costs far more than using one, and the wall formats many figures a second.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: FormatLocale, min: number, max: number): Intl.NumberFormat {
  const id = `${locale}|${min}|${max}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      numberingSystem: 'latn',
    });
    numberFormats.set(id, format);
  }
  return format;
}

function dateTimeFormat(timeZone: string, kind: 'date' | 'time' | 'offset'): Intl.DateTimeFormat {
  const id = `${timeZone}|${kind}`;
  let format = dateFormats.get(id);
  if (!format) {
    const fields: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { year: 'numeric', month: '2-digit', day: '2-digit' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
          : { timeZoneName: 'shortOffset' };
    format = new Intl.DateTimeFormat('en-US', { ...fields, timeZone, numberingSystem: 'latn' });
    dateFormats.set(id, format);
  }
  return format;
}

function parts(time: number | Date, timeZone: string, kind: 'date' | 'time' | 'offset'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of dateTimeFormat(timeZone, kind).formatToParts(time)) out[part.type] = part.value;
  return out;
}

export interface NumberOptions {
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
}

/** 1234.5 → "1.234,5" (vi) or "1,234.5" (en). Not a finite number → "–". */
export function formatNumber(value: number, locale: FormatLocale = 'vi', options: NumberOptions = {}): string {
  if (!Number.isFinite(value)) return '–';
  const max = options.maximumFractionDigits ?? 0;
  const min = Math.min(options.minimumFractionDigits ?? 0, max);
  return numberFormat(locale, min, max).format(value);
}

/** "dd/MM/yyyy" in the given time zone, for either locale (both rooms read dates day first). */
export function formatDate(time: number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(time, timeZone, 'date');
  return `${p.day}/${p.month}/${p.year}`;
}

/** "HH:mm:ss", 24-hour, in the given time zone. */
export function formatTime(time: number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(time, timeZone, 'time');
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** "dd/MM/yyyy HH:mm" in the given time zone: the time the wall's figures are shown as of. */
export function formatDateTime(time: number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatDate(time, timeZone)} ${formatTime(time, timeZone).slice(0, 5)}`;
}

/** "yyyy-MM-dd" of the calendar day in the given zone: the form task due dates use. */
export function isoDateInZone(time: number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(time, timeZone, 'date');
  return `${p.year}-${p.month}-${p.day}`;
}

/** Offset of a zone at a moment, e.g. "UTC+7" (Intl says "GMT+7"; Vietnamese documents write UTC). */
export function formatUtcOffset(time: number | Date, timeZone: string): string {
  const name = parts(time, timeZone, 'offset').timeZoneName;
  return name === undefined ? timeZone : name.replace(/^GMT/, 'UTC');
}

/** A figure and its unit: "120 triệu USD", but "12,5%" and "45,2% kế hoạch" (administrative style: no space before %). */
export function withUnit(figure: string, unit: string): string {
  if (unit === '') return figure;
  return unit.startsWith('%') ? `${figure}${unit}` : `${figure} ${unit}`;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const UNITS: Record<FormatLocale, { now: string; s: string; min: string; h: string; d: string; ago: string }> = {
  vi: { now: 'vừa xong', s: 'giây', min: 'phút', h: 'giờ', d: 'ngày', ago: 'trước' },
  en: { now: 'just now', s: 's', min: 'min', h: 'h', d: 'd', ago: 'ago' },
};

/** A span of time in its largest whole unit: "12 giây", "3 phút" / "12 s", "3 min". At least one second. */
export function formatDuration(ms: number, locale: FormatLocale = 'vi'): string {
  const u = UNITS[locale];
  const seconds = Math.max(1, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const [count, unit] =
    seconds < 60
      ? [seconds, u.s]
      : seconds < 3600
        ? [Math.floor(seconds / 60), u.min]
        : seconds < 86_400
          ? [Math.floor(seconds / 3600), u.h]
          : [Math.floor(seconds / 86_400), u.d];
  return `${formatNumber(count, locale)} ${unit}`;
}

/**
 * How long ago, in the largest whole unit: "12 giây trước", "3 phút trước" / "12 s ago", "3 min ago".
 * Under a second reads "vừa xong" / "just now"; a negative age (clocks disagree slightly) counts as none.
 */
export function formatAge(ms: number, locale: FormatLocale = 'vi'): string {
  const u = UNITS[locale];
  if (!Number.isFinite(ms) || ms < 1000) return u.now;
  return `${formatDuration(ms, locale)} ${u.ago}`;
}

/** An amount in đồng, printed in billions: 1_234_500_000_000 → "1.234,5 tỷ đồng" (en: "VND 1,234.5 billion"). */
export function formatMoneyVnd(dong: number, locale: FormatLocale = 'vi', maximumFractionDigits = 1): string {
  const billions = formatNumber(dong / 1e9, locale, { maximumFractionDigits });
  return locale === 'vi' ? `${billions} tỷ đồng` : `VND ${billions} billion`;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** A reporting period: "2026-10" → "Tháng 10/2026" / "10/2026"; "2026-Q3" → "Quý III/2026" / "Q3 2026";
 * "2026-H1" → "6 tháng đầu năm 2026" / "H1 2026"; "2026-Y" → "Năm 2026" / "2026". */
export function formatPeriod(period: string, locale: FormatLocale = 'vi'): string {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return locale === 'vi' ? `Tháng ${month[2]}/${month[1]}` : `${month[2]}/${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const q = Number(quarter[2]);
    return locale === 'vi' ? `Quý ${ROMAN_QUARTERS[q - 1]}/${quarter[1]}` : `Q${q} ${quarter[1]}`;
  }
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) {
    const first = half[2] === '1';
    if (locale === 'en') return `${first ? 'H1' : 'H2'} ${half[1]}`;
    return `6 tháng ${first ? 'đầu' : 'cuối'} năm ${half[1]}`;
  }
  const year = /^(\d{4})-Y$/.exec(period);
  if (year) return locale === 'vi' ? `Năm ${year[1]}` : year[1]!;
  return period;
}
