// The preset being edited on the console: its layouts per surface, the version it is based on (what the save
// names as `baseVersion`) and whether it has unsaved changes. Pure functions; the React editor holds the value.
import type { Surface, SurfaceCanvas, SurfaceLayout, Tile } from '../../../src/contract/wall.js';
import type { PresetDraft, PresetPayload } from '../../../src/domain/presets/preset-schema.js';
import { type SeamWarning, seamWarnings } from '../../../src/domain/wall/seams.js';

export interface EditorDraft {
  readonly presetId: string;
  readonly name: string;
  /** 0: a preset not saved yet. */
  readonly baseVersion: number;
  readonly layouts: Readonly<Record<string, SurfaceLayout>>;
  readonly dirty: boolean;
}

export interface TilePlacement {
  i: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function draftFromPreset(preset: PresetPayload): EditorDraft {
  return { presetId: preset.id, name: preset.name, baseVersion: preset.version, layouts: preset.layouts, dirty: false };
}

/** A new preset starting from what the surfaces show now. */
export function newDraft(id: string, name: string, surfaces: readonly Surface[]): EditorDraft {
  return {
    presetId: id,
    name,
    baseVersion: 0,
    layouts: Object.fromEntries(surfaces.map((s) => [s.id, s.layout])),
    dirty: true,
  };
}

export function toPresetDraft(draft: EditorDraft): PresetDraft {
  return { id: draft.presetId, name: draft.name.trim(), layouts: { ...draft.layouts } };
}

function withLayout(draft: EditorDraft, surfaceId: string, layout: SurfaceLayout): EditorDraft {
  return { ...draft, layouts: { ...draft.layouts, [surfaceId]: layout }, dirty: true };
}

function clampToGrid(p: TilePlacement, layout: SurfaceLayout): TilePlacement {
  const w = Math.max(1, Math.min(Math.round(p.w), layout.columns));
  const h = Math.max(1, Math.min(Math.round(p.h), layout.rows));
  return {
    i: p.i,
    w,
    h,
    x: Math.max(0, Math.min(Math.round(p.x), layout.columns - w)),
    y: Math.max(0, Math.min(Math.round(p.y), layout.rows - h)),
  };
}

/** Positions from the grid after a drag or resize; unchanged positions leave the draft as it was. */
export function placeTiles(draft: EditorDraft, surfaceId: string, placements: readonly TilePlacement[]): EditorDraft {
  const layout = draft.layouts[surfaceId];
  if (!layout) return draft;
  const byId = new Map(placements.map((p) => [p.i, clampToGrid(p, layout)]));
  let moved = false;
  const tiles = layout.tiles.map((t): Tile => {
    const p = byId.get(t.id);
    if (!p || (p.x === t.x && p.y === t.y && p.w === t.w && p.h === t.h)) return t;
    moved = true;
    return { ...t, x: p.x, y: p.y, w: p.w, h: p.h };
  });
  return moved ? withLayout(draft, surfaceId, { ...layout, tiles }) : draft;
}

function occupied(layout: SurfaceLayout): boolean[][] {
  const cells = Array.from({ length: layout.rows }, () => Array<boolean>(layout.columns).fill(false));
  for (const t of layout.tiles) {
    for (let y = t.y; y < Math.min(t.y + t.h, layout.rows); y++) {
      for (let x = t.x; x < Math.min(t.x + t.w, layout.columns); x++) cells[y]![x] = true;
    }
  }
  return cells;
}

/** The first free place, top-left first, for a tile of about w×h; smaller if the grid is crowded. */
export function freeSpot(
  layout: SurfaceLayout,
  w: number,
  h: number,
): { x: number; y: number; w: number; h: number } | null {
  const cells = occupied(layout);
  for (let size = 0; size < Math.max(w, h); size++) {
    const tw = Math.max(1, Math.min(w - size, layout.columns));
    const th = Math.max(1, Math.min(h - size, layout.rows));
    for (let y = 0; y + th <= layout.rows; y++) {
      for (let x = 0; x + tw <= layout.columns; x++) {
        let free = true;
        for (let dy = 0; dy < th && free; dy++) for (let dx = 0; dx < tw && free; dx++) free = !cells[y + dy]![x + dx];
        if (free) return { x, y, w: tw, h: th };
      }
    }
  }
  return null;
}

function uniqueTileId(draft: EditorDraft, kind: string): string {
  const taken = new Set(Object.values(draft.layouts).flatMap((l) => l.tiles.map((t) => t.id)));
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`.slice(0, 64);
    if (!taken.has(id)) return id;
  }
}

export function addTile(
  draft: EditorDraft,
  surfaceId: string,
  kind: string,
): { draft: EditorDraft; tileId: string } | null {
  const layout = draft.layouts[surfaceId];
  if (!layout) return null;
  const spot = freeSpot(layout, 3, 2);
  if (!spot) return null;
  const tileId = uniqueTileId(draft, kind);
  const tile: Tile = { id: tileId, kind, ...spot, settings: {} };
  return { draft: withLayout(draft, surfaceId, { ...layout, tiles: [...layout.tiles, tile] }), tileId };
}

export function removeTile(draft: EditorDraft, surfaceId: string, tileId: string): EditorDraft {
  const layout = draft.layouts[surfaceId];
  if (!layout) return draft;
  return withLayout(draft, surfaceId, { ...layout, tiles: layout.tiles.filter((t) => t.id !== tileId) });
}

export function setTileSettings(
  draft: EditorDraft,
  surfaceId: string,
  tileId: string,
  settings: Record<string, unknown>,
): EditorDraft {
  const layout = draft.layouts[surfaceId];
  if (!layout) return draft;
  const tiles = layout.tiles.map((t) => (t.id === tileId ? { ...t, settings } : t));
  return withLayout(draft, surfaceId, { ...layout, tiles });
}

/** Moves a tile, keeping its size (a seam warning's nudge). */
export function moveTile(
  draft: EditorDraft,
  surfaceId: string,
  tileId: string,
  to: { x: number; y: number },
): EditorDraft {
  const tile = draft.layouts[surfaceId]?.tiles.find((t) => t.id === tileId);
  return tile ? placeTiles(draft, surfaceId, [{ i: tileId, ...to, w: tile.w, h: tile.h }]) : draft;
}

/**
 * Text tiles of the draft lying across a seam of a surface that spans monitors, each with where it could go
 * instead (docs/wall-model.md). A warning, not a refusal: the operator may keep the tile there.
 */
export function draftSeamWarnings(
  draft: EditorDraft,
  canvasOf: (surfaceId: string) => SurfaceCanvas | undefined,
  isText: (kind: string) => boolean,
): Array<SeamWarning & { surfaceId: string }> {
  return Object.entries(draft.layouts).flatMap(([surfaceId, layout]) => {
    const canvas = canvasOf(surfaceId);
    return canvas ? seamWarnings(layout, canvas, isText).map((w) => ({ surfaceId, ...w })) : [];
  });
}

/** A surface the preset did not cover starts from what it shows now. */
export function includeSurface(draft: EditorDraft, surfaceId: string, layout: SurfaceLayout): EditorDraft {
  return draft.layouts[surfaceId] ? draft : withLayout(draft, surfaceId, layout);
}

/** The surface goes back to its default layout whenever this preset is shown. */
export function excludeSurface(draft: EditorDraft, surfaceId: string): EditorDraft {
  if (!draft.layouts[surfaceId]) return draft;
  const { [surfaceId]: _dropped, ...rest } = draft.layouts;
  return { ...draft, layouts: rest, dirty: true };
}

/** A preset id from its name: "Giao ban sáng" → "giao-ban-sang"; a suffix when the id is taken. */
export function presetIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'preset';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
