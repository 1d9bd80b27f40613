// Where a tile is in pixels: on a spanning surface's virtual canvas, and cut into one fragment per monitor it
// covers. Each monitor draws its fragment of the whole tile, shifted so that the tile's part behind a bezel is
// skipped: this is how bezel compensation reaches the screen.
import type { SurfaceCanvas } from '../../contract/wall.js';
import type { CellRect, GridSize, PixelRect } from './wall-types.js';

/** The tile's rectangle on the canvas (fractional pixels: cells need not be whole pixels). */
export function tileRect(tile: CellRect, grid: GridSize, canvas: { width: number; height: number }): PixelRect {
  const cw = canvas.width / grid.columns;
  const ch = canvas.height / grid.rows;
  return { x: tile.x * cw, y: tile.y * ch, width: tile.w * cw, height: tile.h * ch };
}

export interface TileFragment {
  monitorId: string;
  /** The part of the tile this monitor shows, in canvas pixels. */
  clip: PixelRect;
  /** Where that part is drawn in the surface's window. */
  window: PixelRect;
  /** Top-left of the whole tile relative to the fragment's top-left (≤ 0): the tile is drawn whole, clipped. */
  tileOffset: { x: number; y: number };
}

export function intersect(a: PixelRect, b: PixelRect): PixelRect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

export function tileFragments(rect: PixelRect, canvas: SurfaceCanvas): TileFragment[] {
  const fragments: TileFragment[] = [];
  for (const vp of canvas.viewports) {
    const clip = intersect(rect, vp);
    if (!clip) continue;
    fragments.push({
      monitorId: vp.monitorId,
      clip,
      window: { x: vp.windowX + clip.x - vp.x, y: vp.windowY + clip.y - vp.y, width: clip.width, height: clip.height },
      tileOffset: { x: rect.x - clip.x, y: rect.y - clip.y },
    });
  }
  return fragments;
}
