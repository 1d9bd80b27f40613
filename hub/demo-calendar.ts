// The room's calendar for the demo's series: reporting periods, the day of the year and the time of day, all in
// Asia/Ho_Chi_Minh (between 00:00 and 07:00 the UTC date is still yesterday's). Pure.
import { localMoment } from '../src/domain/presets/wall-schedule.js';
import { isoDateInZone } from '../src/i18n/format.js';

const DAY_MS = 86_400_000;

/** "2026-03-05": the calendar day in Vietnam. */
export function localDate(ms: number): string {
  return isoDateInZone(ms);
}

/** The reporting month in Vietnam: "2026-03". */
export function localMonth(ms: number): string {
  return localDate(ms).slice(0, 7);
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last quarter that has ended, the one whose GRDP estimate is out: "2026-Q1" from April to June 2026. */
export function lastQuarter(ms: number): string {
  const [y, m] = localMonth(ms).split('-').map(Number) as [number, number];
  const current = Math.ceil(m / 3);
  return current === 1 ? `${y - 1}-Q4` : `${y}-Q${current - 1}`;
}

export function previousQuarter(quarter: string): string {
  const [y, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** Days since 1 January, local, with the elapsed part of today: 0 at New Year's midnight, ~90 at the end of March. */
export function dayOfYear(ms: number): number {
  const [y, m, d] = localDate(ms).split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / DAY_MS + timeOfDay(ms);
}

/** Days from 1 January to the first of the given month ("2026-04" → 90): the end of the month before. */
export function startOfMonthDay(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return (Date.UTC(y, m - 1, 1) - Date.UTC(y, 0, 1)) / DAY_MS;
}

/** The elapsed part of the local day, 0 at 00:00 to just under 1 at 23:59:59. */
export function timeOfDay(ms: number): number {
  return (localMoment(ms).minute + (((ms % 60_000) + 60_000) % 60_000) / 60_000) / 1440;
}

/** ISO weekday in Vietnam, 1 Monday … 7 Sunday. */
export function localWeekday(ms: number): number {
  return localMoment(ms).weekday;
}

/** A number for the local day, the same all day long and one more tomorrow. */
export function localDayNumber(ms: number): number {
  return Date.parse(`${localDate(ms)}T00:00:00Z`) / DAY_MS;
}
