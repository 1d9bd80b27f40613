// Briefings as they travel through the hub: the payloads of the `briefing.briefings` topic (one key per
// briefing, versioned like presets) and of `briefing.state` (one key, `wall`: what is being presented). Pure
// schemas, shared by the hub, the host, the wall, the console's editor, the presenter page and the PDF pack.
import { z } from 'zod';
import { ChartFocus, orderedRange, KpiFocus, MapFocus, SurfaceId, type TileFocusSpec } from '../../contract/wall.js';
import { PresetId } from '../presets/preset-schema.js';

export const BriefingId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'briefing id: lower-case letters, digits or -, at most 64');

/** A scene's id inside its briefing: stable while scenes are reordered (the editor's keys, `briefing.jump`). */
export const SceneId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'scene id: lower-case letters, digits or -');

const EpochMs = z.number().int().nonnegative();

/** Which tile of the scene's preset a focus applies to. */
const TileRef = { surfaceId: SurfaceId, tileId: z.string().min(1).max(64) };

/**
 * What one tile shows during a scene (src/contract/wall.ts, TileFocusSpec) and which tile. map: zoomed on these
 * provinces (one province, or a region as the set of its provinces). chart: its time axis from `from` to `to`.
 * kpi: this tile highlighted.
 */
export const TileFocus = z.discriminatedUnion('kind', [
  MapFocus.extend(TileRef),
  orderedRange(ChartFocus.extend(TileRef)),
  KpiFocus.extend(TileRef),
]);
export type TileFocus = z.infer<typeof TileFocus>;

/** The focus as the tile carries it, without naming the tile. */
export function focusSpec(focus: TileFocus): TileFocusSpec {
  const { surfaceId: _surface, tileId: _tile, ...spec } = focus;
  return spec;
}

export const Scene = z.object({
  id: SceneId,
  /** Shown in the scene list, the presenter page and the pack; Vietnamese. */
  title: z.string().trim().min(1).max(120),
  /** The preset the wall shows during the scene. */
  presetId: PresetId,
  /** At most one focus per tile. */
  focus: z
    .array(TileFocus)
    .max(200)
    .default([])
    .refine((f) => new Set(f.map((x) => `${x.surfaceId}/${x.tileId}`)).size === f.length, {
      message: 'a tile has two focuses',
    }),
  /** The wall's data "as of" this time during the scene (epoch ms); absent: live. */
  asOf: EpochMs.optional(),
  /** The presenter's notes: shown on the presenter page and the console, never on the wall. */
  notes: z.string().max(4000).default(''),
  /** Seconds before the next scene comes by itself; null: the presenter advances. */
  durationS: z.number().int().min(1).max(3600).nullable().default(null),
});
export type Scene = z.infer<typeof Scene>;

/** What a leader edits: the hub gives it its version, time and author. */
export const BriefingDraft = z.object({
  id: BriefingId,
  /** Vietnamese, as the title page of the pack prints it. */
  name: z.string().trim().min(1).max(160),
  scenes: z
    .array(Scene)
    .max(100)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: 'two scenes have the same id' }),
});
export type BriefingDraft = z.infer<typeof BriefingDraft>;
export type BriefingDraftInput = z.input<typeof BriefingDraft>;

/** One version of a briefing: the latest event of its key in `briefing.briefings` is the current one. */
export const BriefingPayload = BriefingDraft.extend({
  /** 1, 2, 3, … per briefing; a save must name the version it was based on. */
  version: z.number().int().positive(),
  updatedAt: EpochMs,
  updatedBy: z.string().min(1).max(120),
  /** A deleted briefing keeps its history; it is hidden and cannot be started. */
  deleted: z.boolean().optional(),
});
export type BriefingPayload = z.infer<typeof BriefingPayload>;

/** Where one tile is enlarged: over its own monitor, or across the whole wall; the other tiles are dimmed. */
export const Spotlight = z.object({
  ...TileRef,
  scope: z.enum(['monitor', 'wall']),
});
export type Spotlight = z.infer<typeof Spotlight>;

/**
 * The one key (`wall`) of `briefing.state`: what the wall presents. `briefingId` null: no briefing, the wall
 * shows what the presets and schedule say (`wall.state`), untouched by the briefing. While it is not null the
 * wall shows the current scene, and alarm choreography must not take the wall over (see `briefingInProgress`).
 */
export const BriefingStatePayload = z.object({
  briefingId: BriefingId.nullable(),
  /** Index into the briefing's scenes; `sceneId` says which scene it was when set (scenes may be reordered). */
  sceneIndex: z.number().int().nonnegative(),
  sceneId: SceneId.nullable(),
  /** When the briefing was started; the scenes presented are always its latest version's. */
  startedAt: EpochMs.nullable(),
  /** When the current scene began: a timed scene advances `durationS` after it. */
  sceneAt: EpochMs.nullable(),
  /** Every surface black (a pause in the talk). */
  black: z.boolean(),
  spotlight: Spotlight.nullable(),
  updatedAt: EpochMs,
  updatedBy: z.string().min(1).max(120),
});
export type BriefingStatePayload = z.infer<typeof BriefingStatePayload>;

export const BRIEFING_STATE_KEY = 'wall';

/** The flag the alarm choreography reads: true while a briefing holds the wall. */
export function briefingInProgress(state: BriefingStatePayload | null | undefined): boolean {
  return state != null && state.briefingId !== null;
}
