// The schedule as an operator edits it on the console: entries in order (the first one covering a moment wins),
// each with a preset, weekdays and a from/to time, plus the fallback preset. Pure: add, change, move, remove,
// validation with the command's own schema (errors as codes the editor puts into words) and the preview line.
import { COMMANDS } from '../../../src/contract/commands.js';
import type { ScheduleEntry, WallSchedule } from '../../../src/domain/presets/preset-schema.js';

export interface DraftEntry extends ScheduleEntry {
  /** Stable within the draft, so React keeps each row's inputs while rows move. */
  readonly key: number;
}

export interface ScheduleDraft {
  readonly entries: readonly DraftEntry[];
  readonly fallbackPresetId: string | null;
  readonly nextKey: number;
}

export type EntryField = 'presetId' | 'days' | 'from' | 'to';

/** Why a field cannot be sent, as a code: the editor has words for each. */
export type ScheduleErrorCode = 'noPreset' | 'unknownPreset' | 'noDays' | 'dayTwice' | 'badTime' | 'tooMany';

export interface ScheduleErrors {
  /** Per entry (same index as the draft's entries), per field. */
  readonly entries: readonly Partial<Record<EntryField, ScheduleErrorCode>>[];
  readonly fallback: ScheduleErrorCode | null;
  /** About the whole list (too many entries). */
  readonly list: ScheduleErrorCode | null;
}

const WORK_WEEK: readonly number[] = [1, 2, 3, 4, 5];
const SCHEMA = COMMANDS['wall.setSchedule'].args;

/** The draft of a schedule as the hub holds it (no schedule yet: an empty one). Keys are 0, 1, 2 … */
export function draftFromSchedule(schedule: WallSchedule | null): ScheduleDraft {
  const entries = (schedule?.entries ?? []).map((e, key) => ({ ...e, days: [...e.days], key }));
  return { entries, fallbackPresetId: schedule?.fallbackPresetId ?? null, nextKey: entries.length };
}

/** What `wall.setSchedule` sends: entries in the draft's order, days sorted. */
export function toSchedule(draft: ScheduleDraft): WallSchedule {
  return {
    entries: draft.entries.map((e) => ({
      presetId: e.presetId,
      days: [...e.days].sort((a, b) => a - b),
      from: e.from,
      to: e.to,
    })),
    fallbackPresetId: draft.fallbackPresetId,
  };
}

/** A canonical string of a schedule: two schedules that would behave the same give the same key. */
export function scheduleKey(schedule: WallSchedule | null): string {
  return JSON.stringify(toSchedule(draftFromSchedule(schedule)));
}

export function draftKey(draft: ScheduleDraft): string {
  return JSON.stringify(toSchedule(draft));
}

/** A new entry at the end: the given preset, Monday to Friday, 07:30–11:30. */
export function addEntry(draft: ScheduleDraft, presetId: string): ScheduleDraft {
  const entry: DraftEntry = { key: draft.nextKey, presetId, days: [...WORK_WEEK], from: '07:30', to: '11:30' };
  return { ...draft, entries: [...draft.entries, entry], nextKey: draft.nextKey + 1 };
}

export function updateEntry(
  draft: ScheduleDraft,
  index: number,
  patch: Partial<Pick<DraftEntry, 'presetId' | 'from' | 'to'>>,
): ScheduleDraft {
  if (!draft.entries[index]) return draft;
  return { ...draft, entries: draft.entries.map((e, i) => (i === index ? { ...e, ...patch } : e)) };
}

/** Adds the weekday to the entry, or takes it away if it is there; days stay sorted. */
export function toggleDay(draft: ScheduleDraft, index: number, day: number): ScheduleDraft {
  const entry = draft.entries[index];
  if (!entry) return draft;
  const days = entry.days.includes(day)
    ? entry.days.filter((d) => d !== day)
    : [...entry.days, day].sort((a, b) => a - b);
  return { ...draft, entries: draft.entries.map((e, i) => (i === index ? { ...e, days } : e)) };
}

/** Moves an entry up (-1) or down (+1); at either end nothing changes. */
export function moveEntry(draft: ScheduleDraft, index: number, by: -1 | 1): ScheduleDraft {
  const to = index + by;
  if (!draft.entries[index] || to < 0 || to >= draft.entries.length) return draft;
  const entries = [...draft.entries];
  [entries[index], entries[to]] = [entries[to]!, entries[index]!];
  return { ...draft, entries };
}

export function removeEntry(draft: ScheduleDraft, index: number): ScheduleDraft {
  return { ...draft, entries: draft.entries.filter((_, i) => i !== index) };
}

export function setFallback(draft: ScheduleDraft, presetId: string | null): ScheduleDraft {
  return { ...draft, fallbackPresetId: presetId };
}

/**
 * What stops the draft from being sent: the command's own zod schema, plus presets that no longer exist (the
 * host would pass over such an entry without saying so). `available`: ids of the presets that are not deleted.
 */
export function validateSchedule(draft: ScheduleDraft, available: ReadonlySet<string>): ScheduleErrors {
  const entries: Partial<Record<EntryField, ScheduleErrorCode>>[] = draft.entries.map(() => ({}));
  let fallback: ScheduleErrorCode | null = null;
  let list: ScheduleErrorCode | null = null;
  const parsed = SCHEMA.safeParse(toSchedule(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, index, field] = issue.path;
      if (top === 'fallbackPresetId') fallback ??= 'unknownPreset';
      else if (top === 'entries' && typeof index === 'number' && isField(field)) {
        const errors = entries[index];
        if (errors && !errors[field]) errors[field] = codeOf(field, draft.entries[index]!);
      } else if (top === 'entries') list ??= 'tooMany';
    }
  }
  draft.entries.forEach((e, i) => {
    const errors = entries[i]!;
    if (!errors.presetId && e.presetId !== '' && !available.has(e.presetId)) errors.presetId = 'unknownPreset';
  });
  if (!fallback && draft.fallbackPresetId !== null && !available.has(draft.fallbackPresetId)) {
    fallback = 'unknownPreset';
  }
  return { entries, fallback, list };
}

export function hasScheduleErrors(errors: ScheduleErrors): boolean {
  return errors.fallback !== null || errors.list !== null || errors.entries.some((e) => Object.keys(e).length > 0);
}

function isField(field: unknown): field is EntryField {
  return field === 'presetId' || field === 'days' || field === 'from' || field === 'to';
}

function codeOf(field: EntryField, entry: DraftEntry): ScheduleErrorCode {
  if (field === 'presetId') return entry.presetId === '' ? 'noPreset' : 'unknownPreset';
  if (field === 'days') return entry.days.length === 0 ? 'noDays' : 'dayTwice';
  return 'badTime';
}

/**
 * What an operator typed as a time, written the way the schedule holds it: "7:30", "730", "7h30", "07.30" →
 * "07:30"; "7" → "07:00". Anything that is not a time of day comes back unchanged (and fails validation).
 */
export function normalizeTime(text: string): string {
  const m = /^\s*(\d{1,2})(?:\s*[:hH.]\s*|(?=\d{2}\s*$))?(\d{2})?\s*$/.exec(text);
  if (!m) return text;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour > 23 || minute > 59) return text;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Whole day (from = to), within the day (from < to) or past midnight into the next day (to < from). */
export type EntrySpan = 'wholeDay' | 'sameDay' | 'overnight';

export function entrySpan(entry: Pick<ScheduleEntry, 'from' | 'to'>): EntrySpan {
  if (entry.from === entry.to) return 'wholeDay';
  return entry.to < entry.from ? 'overnight' : 'sameDay';
}

/**
 * Weekdays in words: every day → `everyDay`; three or more days in a row as a range ("Thứ 2–Thứ 6"); the rest
 * listed ("Thứ 7, Chủ nhật"). `names`: Monday … Sunday.
 */
export function describeDays(days: readonly number[], names: readonly string[], everyDay: string): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return everyDay;
  const name = (d: number): string => names[d - 1] ?? String(d);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${name(sorted[i]!)}–${name(sorted[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(name(sorted[k]!));
    i = j + 1;
  }
  return parts.join(', ');
}

export interface PreviewWords {
  /** Monday … Sunday. */
  readonly dayNames: readonly string[];
  readonly everyDay: string;
  /** "cả ngày" / "all day". */
  readonly wholeDay: string;
  /** Appended to the times of an entry that runs past midnight: "(đến sáng hôm sau)". */
  readonly nextDay: string;
  /** Shown instead of days when none is chosen. */
  readonly noDays: string;
}

/** "Thứ 2–Thứ 6, 07:30–11:30: Giao ban sáng"; "…, 22:00–06:00 (đến sáng hôm sau): …"; "…, cả ngày: …". */
export function previewText(entry: ScheduleEntry, presetName: string, words: PreviewWords): string {
  const days = entry.days.length === 0 ? words.noDays : describeDays(entry.days, words.dayNames, words.everyDay);
  const span = entrySpan(entry);
  const time =
    span === 'wholeDay'
      ? words.wholeDay
      : `${entry.from}–${entry.to}${span === 'overnight' ? ` ${words.nextDay}` : ''}`;
  return `${days}, ${time}: ${presetName}`;
}
