// Where a tile sits in the surface's CSS grid, and whether it fits inside the layout at all.
import type { SurfaceLayout, Tile } from '../../src/contract/wall.js';

export function fitsLayout(tile: Tile, layout: SurfaceLayout): boolean {
  return tile.x + tile.w <= layout.columns && tile.y + tile.h <= layout.rows;
}

/** CSS grid lines (1-based), clipped to the layout so a bad tile cannot add tracks and scroll the wall. */
export function gridArea(tile: Tile, layout: SurfaceLayout): { gridColumn: string; gridRow: string } {
  const x = Math.min(tile.x, layout.columns - 1);
  const y = Math.min(tile.y, layout.rows - 1);
  const w = Math.max(1, Math.min(tile.w, layout.columns - x));
  const h = Math.max(1, Math.min(tile.h, layout.rows - y));
  return { gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}` };
}
