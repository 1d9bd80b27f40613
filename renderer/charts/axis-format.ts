// Axis labels in the room's conventions: times as HH:mm and dates as dd/MM/yyyy in the room's zone, numbers as
// 1.234,5. ECharts' own time labels follow its locale packs and the browser's zone, so the wall formats them.
import { DEFAULT_TIME_ZONE, formatDate, formatNumber, formatTime, type FormatLocale } from '../../src/i18n/format.js';

const DAY_MS = 86_400_000;

/** "HH:mm" when the axis spans a day and a half or less, else "dd/MM/yyyy". */
export function timeLabel(time: number, spanMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return spanMs <= 1.5 * DAY_MS ? formatTime(time, timeZone).slice(0, 5) : formatDate(time, timeZone);
}

/** "dd/MM/yyyy HH:mm": a point in time in words next to a chart. */
export function dateTimeLabel(time: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatDate(time, timeZone)} ${formatTime(time, timeZone).slice(0, 5)}`;
}

/** Axis numbers: large values lose their decimals, small ones keep up to `digits`. */
export function valueLabel(value: number, locale: FormatLocale, digits = 1): string {
  return formatNumber(value, locale, { maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : digits });
}
