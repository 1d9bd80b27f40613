// Dayparting: which preset the wall shows at a moment. Evaluated in the room's zone (Asia/Ho_Chi_Minh, no
// daylight saving), first matching entry wins, and a manual override beats the schedule until it is reverted.
// Pure: the host calls it on a timer, the console to show what comes next, the tests with any date.
import type { ScheduleEntry, WallOverride, WallSchedule } from './preset-schema.js';

const WALL_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MINUTES = 1440;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** A moment as the room's clock shows it: ISO weekday (1 Monday … 7 Sunday) and minute of the day. */
export interface LocalMoment {
  weekday: number;
  minute: number;
}

type ActiveSource = 'override' | 'schedule' | 'fallback' | 'none';

export interface ActivePreset {
  /** null: no preset, the surfaces show their default layouts. */
  presetId: string | null;
  source: ActiveSource;
  /** Index of the schedule entry that chose it. */
  entry: number | null;
}

export interface ScheduleOptions {
  zone?: string;
  /** Presets that can be shown (not deleted); entries naming others are passed over. Default: all. */
  available?: (presetId: string) => boolean;
}

// Building an Intl formatter costs far more than using one; the host asks every 15 s, tests thousands of times.
const formats = new Map<string, Intl.DateTimeFormat>();

export function localMoment(instant: number, zone: string = WALL_TIME_ZONE): LocalMoment {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, format);
  }
  let weekday = 1;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 1;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minute: hour * 60 + minute };
}

function minuteOfDay(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

const previousDay = (weekday: number): number => (weekday === 1 ? 7 : weekday - 1);

export function entryCovers(entry: ScheduleEntry, at: LocalMoment): boolean {
  const from = minuteOfDay(entry.from);
  const to = minuteOfDay(entry.to);
  const today = entry.days.includes(at.weekday);
  if (from === to) return today;
  if (from < to) return today && at.minute >= from && at.minute < to;
  // Past midnight: the evening of a listed day, or the early hours after one.
  return (today && at.minute >= from) || (entry.days.includes(previousDay(at.weekday)) && at.minute < to);
}

function scheduledAt(schedule: WallSchedule, at: LocalMoment, available: (id: string) => boolean): ActivePreset {
  const entry = schedule.entries.findIndex((e) => available(e.presetId) && entryCovers(e, at));
  if (entry >= 0) return { presetId: schedule.entries[entry]!.presetId, source: 'schedule', entry };
  if (schedule.fallbackPresetId !== null && available(schedule.fallbackPresetId)) {
    return { presetId: schedule.fallbackPresetId, source: 'fallback', entry: null };
  }
  return { presetId: null, source: 'none', entry: null };
}

/** The preset the wall shows at `date`: the override if there is one, else the schedule's. */
export function activePresetAt(
  schedule: WallSchedule,
  date: number | Date,
  override: WallOverride | null,
  options: ScheduleOptions = {},
): ActivePreset {
  const available = options.available ?? (() => true);
  if (override && available(override.presetId)) return { presetId: override.presetId, source: 'override', entry: null };
  return scheduledAt(schedule, localMoment(+date, options.zone), available);
}

export interface ScheduledChange {
  /** Epoch ms of the minute the schedule changes preset. */
  at: number;
  to: ActivePreset;
}

/**
 * The next moment, within a week and a day, at which the schedule (not an override) shows another preset than
 * at `date`. Changes happen only where an entry starts or ends, so only those minutes are examined.
 */
export function nextScheduledChange(
  schedule: WallSchedule,
  date: number | Date,
  options: ScheduleOptions = {},
): ScheduledChange | null {
  const available = options.available ?? (() => true);
  const instant = +date;
  const now = localMoment(instant, options.zone);
  const current = scheduledAt(schedule, now, available);
  // Midnight too: a whole-day entry (from = to) starts and ends there.
  const starts = schedule.entries.flatMap((e) => [minuteOfDay(e.from), minuteOfDay(e.to)]);
  const boundaries = [...new Set([0, ...starts])].sort((a, b) => a - b);
  const minuteStart = instant - (instant % 60_000);
  for (let day = 0; day <= 8; day++) {
    for (const boundary of boundaries) {
      const ahead = day * DAY_MINUTES + boundary - now.minute;
      if (ahead <= 0) continue;
      const total = now.minute + ahead;
      const moment = {
        weekday: ((now.weekday - 1 + Math.floor(total / DAY_MINUTES)) % 7) + 1,
        minute: total % DAY_MINUTES,
      };
      const next = scheduledAt(schedule, moment, available);
      if (next.presetId !== current.presetId) return { at: minuteStart + ahead * 60_000, to: next };
    }
  }
  return null;
}
