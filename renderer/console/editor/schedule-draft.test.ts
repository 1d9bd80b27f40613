import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/contract/commands.js';
import {
  addEntry,
  describeDays,
  draftFromSchedule,
  draftKey,
  entrySpan,
  hasScheduleErrors,
  moveEntry,
  normalizeTime,
  previewText,
  type PreviewWords,
  removeEntry,
  scheduleKey,
  setFallback,
  toggleDay,
  toSchedule,
  updateEntry,
  validateSchedule,
} from './schedule-draft';

const VI: PreviewWords = {
  dayNames: ['Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'Chủ nhật'],
  everyDay: 'Hằng ngày',
  wholeDay: 'cả ngày',
  nextDay: '(đến sáng hôm sau)',
  noDays: 'chưa chọn ngày',
};
const PRESETS = new Set(['giao-ban-sang', 'ung-pho-khan-cap', 'theo-doi-nhiem-vu']);

const hubSchedule = {
  entries: [
    { presetId: 'giao-ban-sang', days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
    { presetId: 'ung-pho-khan-cap', days: [6, 7], from: '22:00', to: '06:00' },
  ],
  fallbackPresetId: 'theo-doi-nhiem-vu',
};

describe('schedule draft', () => {
  it('round-trips the hub schedule and keys rows 0, 1, …', () => {
    const draft = draftFromSchedule(hubSchedule);
    expect(draft.entries.map((e) => e.key)).toEqual([0, 1]);
    expect(draft.nextKey).toBe(2);
    expect(toSchedule(draft)).toEqual(hubSchedule);
    expect(draftKey(draft)).toBe(scheduleKey(hubSchedule));
    expect(draftFromSchedule(null)).toEqual({ entries: [], fallbackPresetId: null, nextKey: 0 });
  });

  it('adds entries at the end with fresh keys, Monday to Friday 07:30–11:30', () => {
    const draft = addEntry(addEntry(draftFromSchedule(hubSchedule), 'theo-doi-nhiem-vu'), 'giao-ban-sang');
    expect(draft.entries.map((e) => [e.key, e.presetId])).toEqual([
      [0, 'giao-ban-sang'],
      [1, 'ung-pho-khan-cap'],
      [2, 'theo-doi-nhiem-vu'],
      [3, 'giao-ban-sang'],
    ]);
    expect(draft.entries[2]).toMatchObject({ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' });
  });

  it('moves entries up and down (the order decides which wins) and not past either end', () => {
    const draft = draftFromSchedule(hubSchedule);
    const down = moveEntry(draft, 0, 1);
    expect(down.entries.map((e) => e.presetId)).toEqual(['ung-pho-khan-cap', 'giao-ban-sang']);
    expect(down.entries.map((e) => e.key)).toEqual([1, 0]);
    expect(moveEntry(down, 1, -1).entries.map((e) => e.key)).toEqual([0, 1]);
    expect(moveEntry(draft, 0, -1)).toBe(draft);
    expect(moveEntry(draft, 1, 1)).toBe(draft);
    expect(draftKey(down)).not.toBe(draftKey(draft));
  });

  it('removes, toggles days (kept sorted), changes fields and the fallback', () => {
    let draft = draftFromSchedule(hubSchedule);
    draft = toggleDay(draft, 1, 1);
    expect(draft.entries[1]!.days).toEqual([1, 6, 7]);
    draft = toggleDay(draft, 1, 6);
    expect(draft.entries[1]!.days).toEqual([1, 7]);
    draft = updateEntry(draft, 0, { from: '08:00', presetId: 'theo-doi-nhiem-vu' });
    expect(draft.entries[0]).toMatchObject({ presetId: 'theo-doi-nhiem-vu', from: '08:00', to: '11:30' });
    draft = removeEntry(draft, 0);
    expect(draft.entries.map((e) => e.key)).toEqual([1]);
    draft = setFallback(draft, null);
    expect(toSchedule(draft)).toEqual({
      entries: [{ presetId: 'ung-pho-khan-cap', days: [1, 7], from: '22:00', to: '06:00' }],
      fallbackPresetId: null,
    });
  });
});

describe('schedule validation', () => {
  it('a valid draft has no errors and passes the command schema', () => {
    const draft = draftFromSchedule(hubSchedule);
    const errors = validateSchedule(draft, PRESETS);
    expect(hasScheduleErrors(errors)).toBe(false);
    expect(errors.entries).toEqual([{}, {}]);
    expect(COMMANDS['wall.setSchedule'].args.safeParse(toSchedule(draft)).success).toBe(true);
  });

  it('names the field of each problem: no weekday, bad times, no preset', () => {
    let draft = draftFromSchedule(hubSchedule);
    draft = toggleDay(toggleDay(draft, 1, 6), 1, 7);
    draft = updateEntry(draft, 0, { from: '', to: '24:00' });
    draft = addEntry(draft, '');
    const errors = validateSchedule(draft, PRESETS);
    expect(hasScheduleErrors(errors)).toBe(true);
    expect(errors.entries).toEqual([{ from: 'badTime', to: 'badTime' }, { days: 'noDays' }, { presetId: 'noPreset' }]);
    expect(errors.fallback).toBeNull();
  });

  it('refuses presets that no longer exist, in an entry and as the fallback', () => {
    const draft = setFallback(updateEntry(draftFromSchedule(hubSchedule), 1, { presetId: 'da-xoa' }), 'cu');
    const errors = validateSchedule(draft, PRESETS);
    expect(errors.entries[1]).toEqual({ presetId: 'unknownPreset' });
    expect(errors.fallback).toBe('unknownPreset');
  });

  it('refuses more than 100 entries as a whole', () => {
    let draft = draftFromSchedule(null);
    for (let i = 0; i < 101; i++) draft = addEntry(draft, 'giao-ban-sang');
    const errors = validateSchedule(draft, PRESETS);
    expect(errors.list).toBe('tooMany');
    expect(hasScheduleErrors(errors)).toBe(true);
  });
});

describe('typed times', () => {
  it('writes what an operator types as HH:mm, and leaves what is not a time alone', () => {
    expect(['7:30', '730', '0730', '7h30', '07.30', ' 7 : 05 ', '7', '23:59', '0:00', '6h'].map(normalizeTime)).toEqual(
      ['07:30', '07:30', '07:30', '07:30', '07:30', '07:05', '07:00', '23:59', '00:00', '06:00'],
    );
    for (const bad of ['24:00', '7:60', '', 'abc', '7:3', '12345']) expect(normalizeTime(bad)).toBe(bad);
  });

  it('a time that is not HH:mm is a field error', () => {
    const draft = updateEntry(draftFromSchedule(hubSchedule), 0, { from: '7:3' });
    expect(validateSchedule(draft, PRESETS).entries[0]).toEqual({ from: 'badTime' });
  });
});

describe('schedule preview', () => {
  it('tells overnight and whole-day entries apart', () => {
    expect(entrySpan({ from: '07:30', to: '11:30' })).toBe('sameDay');
    expect(entrySpan({ from: '22:00', to: '06:00' })).toBe('overnight');
    expect(entrySpan({ from: '00:00', to: '00:00' })).toBe('wholeDay');
    expect(entrySpan({ from: '09:00', to: '09:00' })).toBe('wholeDay');
  });

  it('puts days into words: ranges of three or more, lists otherwise, every day', () => {
    expect(describeDays([5, 1, 2, 3, 4], VI.dayNames, VI.everyDay)).toBe('Thứ 2–Thứ 6');
    expect(describeDays([6, 7], VI.dayNames, VI.everyDay)).toBe('Thứ 7, Chủ nhật');
    expect(describeDays([1, 3, 4, 5, 7], VI.dayNames, VI.everyDay)).toBe('Thứ 2, Thứ 4–Thứ 6, Chủ nhật');
    expect(describeDays([1, 2, 3, 4, 5, 6, 7], VI.dayNames, VI.everyDay)).toBe('Hằng ngày');
  });

  it('writes one line per entry, noting the entries that run past midnight', () => {
    const [day, night] = hubSchedule.entries;
    expect(previewText(day!, 'Giao ban sáng', VI)).toBe('Thứ 2–Thứ 6, 07:30–11:30: Giao ban sáng');
    expect(previewText(night!, 'Ứng phó khẩn cấp', VI)).toBe(
      'Thứ 7, Chủ nhật, 22:00–06:00 (đến sáng hôm sau): Ứng phó khẩn cấp',
    );
    expect(previewText({ ...day!, days: [3], from: '00:00', to: '00:00' }, 'X', VI)).toBe('Thứ 4, cả ngày: X');
    expect(previewText({ ...day!, days: [] }, 'X', VI)).toBe('chưa chọn ngày, 07:30–11:30: X');
  });
});
