// Presets and the wall's state as they travel through the hub: the payloads of the `wall.presets` and
// `wall.state` topics and the parts the commands that change them are made of (src/contract/commands.ts). Pure
// schemas, shared by the hub, the host (which applies the active preset) and the console's editor.
import { z } from 'zod';
import { SurfaceId, SurfaceLayout } from '../../contract/wall.js';

export const PresetId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'preset id: lower-case letters, digits or -, at most 64');

/** Layout of each surface the preset covers; a surface it does not name keeps its default (demo) layout. */
const PresetLayouts = z
  .record(SurfaceId, SurfaceLayout)
  .refine((layouts) => Object.keys(layouts).length <= 64, { message: 'at most 64 surfaces' });

/** What an operator edits: the hub gives it its version, time and author. */
export const PresetDraft = z.object({
  id: PresetId,
  name: z.string().trim().min(1).max(120),
  layouts: PresetLayouts,
});
export type PresetDraft = z.infer<typeof PresetDraft>;

/** One version of a preset: the latest event of its key in `wall.presets` is the current one. */
export const PresetPayload = PresetDraft.extend({
  /** 1, 2, 3, … per preset; a save must name the version it was based on. */
  version: z.number().int().positive(),
  updatedAt: z.number().int().nonnegative(),
  updatedBy: z.string().min(1).max(120),
  /** A deleted preset keeps its history (so a delete can be undone); it is hidden and cannot be activated. */
  deleted: z.boolean().optional(),
  /** The version an undo of this one goes back to; null when there is nothing before it. */
  undoTo: z.number().int().positive().nullable().default(null),
  /** Set on a version made by undo: the version whose content it restored. */
  restoredFrom: z.number().int().positive().optional(),
});
export type PresetPayload = z.infer<typeof PresetPayload>;

/** Minutes of a day as "HH:MM", 00:00–23:59, in the room's zone. */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time of day: HH:MM, 00:00–23:59');

/** ISO weekday: 1 Monday … 7 Sunday. */
const Weekday = z.number().int().min(1).max(7);

/**
 * A daypart: the preset shown on these weekdays from `from` until `to`. `to` earlier than `from` runs past
 * midnight into the next day; `to` equal to `from` is the whole day.
 */
export const ScheduleEntry = z.object({
  presetId: PresetId,
  days: z
    .array(Weekday)
    .min(1)
    .max(7)
    .refine((d) => new Set(d).size === d.length, { message: 'a weekday is listed twice' }),
  from: TimeOfDay,
  to: TimeOfDay,
});
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;

export const WallSchedule = z.object({
  /** The first entry that covers a moment wins. */
  entries: z.array(ScheduleEntry).max(100),
  /** Shown when no entry covers the moment; null: the default (demo) layouts. */
  fallbackPresetId: PresetId.nullable().default(null),
});
export type WallSchedule = z.infer<typeof WallSchedule>;

export const WallOverride = z.object({
  presetId: PresetId,
  at: z.number().int().nonnegative(),
  by: z.string().min(1).max(120),
});
export type WallOverride = z.infer<typeof WallOverride>;

/** The one key (`wall`) of `wall.state`: the schedule and a manual override that holds until reverted. */
export const WallStatePayload = z.object({
  schedule: WallSchedule,
  override: WallOverride.nullable(),
  /** Privacy mode (`wall.setPrivacy`): the host scrubs personal data before anything reaches a window. */
  privacy: z.boolean().default(false),
  updatedAt: z.number().int().nonnegative(),
  updatedBy: z.string().min(1).max(120),
});
export type WallStatePayload = z.infer<typeof WallStatePayload>;

export const WALL_STATE_KEY = 'wall';
