// Seams of a spanning surface and the tiles that cross them. A text tile across a seam has a figure or a row cut
// by the frame; the layout engine reports it and proposes the nearest place of the same size that crosses none.
import type { SurfaceCanvas } from '../../contract/wall.js';
import { canvasBands } from './bezel-canvas.js';
import type { CellRect, GridSize } from './wall-types.js';

/** A seam: the strip of the canvas behind the frames between two columns (axis x) or rows (y) of monitors. */
export interface Seam {
  axis: 'x' | 'y';
  /** Canvas pixels [from, to] hidden behind the bezels; from === to without compensation (a line). */
  from: number;
  to: number;
}

export function canvasSeams(canvas: SurfaceCanvas): Seam[] {
  const bands = canvasBands(canvas);
  const seams = (axis: 'x' | 'y', b: Array<[number, number]>): Seam[] =>
    b.slice(1).map((band, i) => ({ axis, from: (b[i] as [number, number])[1], to: band[0] }));
  return [...seams('x', bands.x), ...seams('y', bands.y)];
}

/**
 * Seams the tile crosses: its rectangle reaches into the hidden strip (or, without a gap, spans the line).
 * Compared in integers (cell × canvas size against seam × cells) so a tile edge on a seam is exact.
 */
export function seamsCrossed(
  tile: CellRect,
  grid: GridSize,
  canvas: SurfaceCanvas,
  seams = canvasSeams(canvas),
): Seam[] {
  return seams.filter((s) => {
    const [start, size, cells, extent] =
      s.axis === 'x' ? [tile.x, tile.w, grid.columns, canvas.width] : [tile.y, tile.h, grid.rows, canvas.height];
    return start * extent < s.to * cells && (start + size) * extent > s.from * cells;
  });
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The nearest place for `tile` (same size, inside the grid) that crosses no seam and overlaps none of
 * `obstacles`: fewest cells moved (|dx| + |dy|), ties to the left, then up. The tile's own place when it
 * already crosses none; null when no such place exists.
 */
export function nudgeOffSeams(
  tile: CellRect,
  grid: GridSize,
  canvas: SurfaceCanvas,
  obstacles: readonly CellRect[] = [],
): { x: number; y: number } | null {
  const seams = canvasSeams(canvas);
  let best: { x: number; y: number; d: number } | null = null;
  for (let x = 0; x + tile.w <= grid.columns; x++) {
    for (let y = 0; y + tile.h <= grid.rows; y++) {
      const d = Math.abs(x - tile.x) + Math.abs(y - tile.y);
      if (best && (d > best.d || (d === best.d && (x > best.x || (x === best.x && y > best.y))))) continue;
      const place = { ...tile, x, y };
      if (seamsCrossed(place, grid, canvas, seams).length > 0) continue;
      if (obstacles.some((o) => overlaps(place, o))) continue;
      best = { x, y, d };
    }
  }
  return best && { x: best.x, y: best.y };
}

export interface SeamWarning {
  tileId: string;
  kind: string;
  seams: Seam[];
  /** Where it could go instead; null: nowhere in this grid. */
  nudge: { x: number; y: number } | null;
}

/** Text tiles of a layout that cross a seam, each with a proposed nudge that keeps clear of the other tiles. */
export function seamWarnings(
  layout: GridSize & { tiles: ReadonlyArray<CellRect & { id: string; kind: string }> },
  canvas: SurfaceCanvas,
  isText: (kind: string) => boolean,
): SeamWarning[] {
  const warnings: SeamWarning[] = [];
  for (const tile of layout.tiles) {
    if (!isText(tile.kind)) continue;
    const seams = seamsCrossed(tile, layout, canvas);
    if (seams.length === 0) continue;
    const others = layout.tiles.filter((t) => t.id !== tile.id);
    warnings.push({ tileId: tile.id, kind: tile.kind, seams, nudge: nudgeOffSeams(tile, layout, canvas, others) });
  }
  return warnings;
}
