import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScheduleEntry, WallSchedule } from './preset-schema.js';
import { activePresetAt, entryCovers, localMoment, nextScheduledChange } from './wall-schedule.js';

/** 2026-11-23 is a Monday; local time in Hà Nội / TP.HCM is UTC+7. */
const vn = (day: number, hh: number, mm = 0): number => Date.UTC(2026, 10, 23 + day, hh - 7, mm);

const schedule = (entries: ScheduleEntry[], fallbackPresetId: string | null = null): WallSchedule => ({
  entries,
  fallbackPresetId,
});
const WEEKDAYS = [1, 2, 3, 4, 5];
const DAYPARTS = schedule(
  [
    { presetId: 'giao-ban-sang', days: WEEKDAYS, from: '07:30', to: '09:00' },
    { presetId: 'theo-doi-nhiem-vu', days: WEEKDAYS, from: '09:00', to: '17:30' },
    { presetId: 'dem', days: [1, 2, 3, 4, 5, 6, 7], from: '22:00', to: '06:00' },
  ],
  'mac-dinh',
);

describe('wall schedule', () => {
  it('reads the clock of Asia/Ho_Chi_Minh', () => {
    expect(localMoment(vn(0, 7, 30))).toEqual({ weekday: 1, minute: 450 });
    expect(localMoment(vn(6, 23, 59))).toEqual({ weekday: 7, minute: 1439 });
    // 01:00 UTC on Monday is 08:00 in Việt Nam.
    expect(localMoment(Date.UTC(2026, 10, 23, 1, 0))).toEqual({ weekday: 1, minute: 480 });
  });

  it('picks the daypart of a weekday, the fallback outside, and overnight entries on both sides of midnight', () => {
    const at = (d: number, h: number, m = 0) => activePresetAt(DAYPARTS, vn(d, h, m), null);
    expect(at(0, 7, 29)).toMatchObject({ presetId: 'mac-dinh', source: 'fallback' });
    expect(at(0, 7, 30)).toMatchObject({ presetId: 'giao-ban-sang', source: 'schedule', entry: 0 });
    expect(at(0, 9, 0)).toMatchObject({ presetId: 'theo-doi-nhiem-vu', entry: 1 });
    expect(at(5, 10)).toMatchObject({ presetId: 'mac-dinh' }); // Saturday
    expect(at(5, 23)).toMatchObject({ presetId: 'dem' });
    expect(at(6, 3)).toMatchObject({ presetId: 'dem' }); // Sunday early hours, after Saturday night
    expect(at(0, 5, 59)).toMatchObject({ presetId: 'dem' }); // Monday early hours, after Sunday night
    expect(at(0, 6, 0)).toMatchObject({ presetId: 'mac-dinh' });
  });

  it('an override wins until reverted; presets that are not available are passed over', () => {
    const override = { presetId: 'ung-pho-khan-cap', at: 0, by: 'an' };
    expect(activePresetAt(DAYPARTS, vn(0, 8), override)).toEqual({
      presetId: 'ung-pho-khan-cap',
      source: 'override',
      entry: null,
    });
    const available = (id: string) => id !== 'giao-ban-sang' && id !== 'mac-dinh';
    expect(activePresetAt(DAYPARTS, vn(0, 8), null, { available })).toMatchObject({ presetId: null, source: 'none' });
  });

  it('tells the next change', () => {
    expect(nextScheduledChange(DAYPARTS, vn(0, 8, 15))).toEqual({
      at: vn(0, 9),
      to: { presetId: 'theo-doi-nhiem-vu', source: 'schedule', entry: 1 },
    });
    // Friday evening: the night preset at 22:00.
    expect(nextScheduledChange(DAYPARTS, vn(4, 18))?.at).toBe(vn(4, 22));
    expect(nextScheduledChange(schedule([]), vn(0, 8))).toBeNull();
    expect(
      nextScheduledChange(
        schedule([{ presetId: 'x', days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:00' }]),
        vn(0, 8),
      ),
    ).toBeNull();
  });

  const entryArb = fc.record({
    presetId: fc.constantFrom('a', 'b', 'c'),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    from: fc.constantFrom('00:00', '06:00', '07:30', '12:00', '17:45', '22:00', '23:59'),
    to: fc.constantFrom('00:00', '06:00', '09:00', '12:00', '18:00', '22:00'),
  });
  const scheduleArb = fc.record({
    entries: fc.array(entryArb, { maxLength: 5 }),
    fallbackPresetId: fc.constantFrom(null, 'z'),
  });
  const instantArb = fc.integer({ min: vn(0, 0), max: vn(14, 0) });

  it('property: the chosen entry covers the moment and no earlier entry does', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (s, t) => {
        const active = activePresetAt(s, t, null);
        const moment = localMoment(t);
        if (active.entry !== null) {
          expect(entryCovers(s.entries[active.entry]!, moment)).toBe(true);
          for (const e of s.entries.slice(0, active.entry)) expect(entryCovers(e, moment)).toBe(false);
        } else {
          for (const e of s.entries) expect(entryCovers(e, moment)).toBe(false);
          expect(active.presetId).toBe(s.fallbackPresetId);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: nothing changes before the announced next change, and something changes at it', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (s, t) => {
        const now = activePresetAt(s, t, null).presetId;
        const next = nextScheduledChange(s, t);
        const horizon = next ? next.at : t + 8 * 86_400_000;
        // Minute by minute up to the change (at most eight days: ~11,500 minutes).
        for (let m = t - (t % 60_000) + 60_000; m < horizon; m += 60_000) {
          expect(activePresetAt(s, m, null).presetId).toBe(now);
        }
        if (next) {
          expect(next.at).toBeGreaterThan(t);
          expect(activePresetAt(s, next.at, null).presetId).toBe(next.to.presetId);
          expect(next.to.presetId).not.toBe(now);
        }
      }),
      { numRuns: 20 },
    );
  }, 30_000);

  // Việt Nam has kept UTC+7, without daylight saving, since 1975.
  it('property: a fixed UTC+7 clock agrees with the Intl zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: 4_102_444_800_000 }), (t) => {
        const local = new Date(t + 7 * 3_600_000);
        const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
        expect(localMoment(t)).toEqual({ weekday, minute: local.getUTCHours() * 60 + local.getUTCMinutes() });
      }),
      { numRuns: 300 },
    );
  });
});
