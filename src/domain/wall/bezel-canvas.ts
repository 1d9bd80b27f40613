// Bezel compensation: a surface spanning a rectangle of monitors is drawn on one virtual canvas that includes
// the frames between them, converted to pixels (bezel mm / pixel pitch). Each monitor shows its viewport of that
// canvas; the strips between viewports fall behind the bezels and are never shown, so a line crossing a seam
// continues where the eye expects it, as if the wall had no frames.
import type { CanvasViewport, SurfaceCanvas } from '../../contract/wall.js';
import { bezelPx } from './monitor-grid.js';
import { byReadingOrder, type PhysicalMonitor } from './wall-types.js';

export type CanvasResult = { ok: true; canvas: SurfaceCanvas } | { ok: false; error: string };

/** Rows and columns a set of monitors covers, when they form a full rectangle of the grid. */
export function gridBlock(
  block: readonly PhysicalMonitor[],
): { rows: number[]; cols: number[]; at: (row: number, col: number) => PhysicalMonitor } | { error: string } {
  if (block.length === 0) return { error: 'no monitors' };
  const rows = [...new Set(block.map((m) => m.row))].sort((a, b) => a - b);
  const cols = [...new Set(block.map((m) => m.col))].sort((a, b) => a - b);
  const cells = new Map(block.map((m) => [`${m.row},${m.col}`, m]));
  const contiguous = (xs: number[]): boolean => xs.every((v, i) => i === 0 || v === (xs[i - 1] as number) + 1);
  if (cells.size !== block.length) return { error: 'two monitors share a place in the grid' };
  if (!contiguous(rows) || !contiguous(cols) || rows.length * cols.length !== block.length) {
    return { error: 'the monitors of a spanning surface must form a full rectangle of the grid' };
  }
  return { rows, cols, at: (row, col) => cells.get(`${row},${col}`) as PhysicalMonitor };
}

/**
 * The virtual canvas of a surface over `block` (a full rectangle of the grid). Monitors of one column must share
 * a width and monitors of one row a height, as on every real wall. The gap at a seam is the sum of the two
 * facing bezels in pixels, rounded; where monitors along one seam differ, the widest gap is used.
 * `bezelCompensation: false` gives a canvas without gaps (content is cut by the bezels instead).
 */
export function spanCanvas(block: readonly PhysicalMonitor[], bezelCompensation: boolean): CanvasResult {
  const grid = gridBlock(block);
  if ('error' in grid) return { ok: false, error: grid.error };
  const { rows, cols, at } = grid;
  const widths = cols.map((c) => at(rows[0] as number, c).width);
  const heights = rows.map((r) => at(r, cols[0] as number).height);
  for (const m of block) {
    if (m.width !== widths[cols.indexOf(m.col)] || m.height !== heights[rows.indexOf(m.row)]) {
      return { ok: false, error: `monitor ${m.id}: monitors of a column must share a width, of a row a height` };
    }
  }
  const colGaps = cols.slice(1).map((c) =>
    bezelCompensation
      ? Math.max(
          ...rows.map((r) => {
            const left = at(r, c - 1);
            const right = at(r, c);
            return Math.round(
              bezelPx(left.bezelMm.right, left.pitchMm?.x) + bezelPx(right.bezelMm.left, right.pitchMm?.x),
            );
          }),
        )
      : 0,
  );
  const rowGaps = rows.slice(1).map((r) =>
    bezelCompensation
      ? Math.max(
          ...cols.map((c) => {
            const upper = at(r - 1, c);
            const lower = at(r, c);
            return Math.round(
              bezelPx(upper.bezelMm.bottom, upper.pitchMm?.y) + bezelPx(lower.bezelMm.top, lower.pitchMm?.y),
            );
          }),
        )
      : 0,
  );
  const colStart = starts(widths, colGaps);
  const rowStart = starts(heights, rowGaps);
  const originX = Math.min(...block.map((m) => m.x));
  const originY = Math.min(...block.map((m) => m.y));
  const viewports: CanvasViewport[] = [...block].sort(byReadingOrder).map((m) => ({
    monitorId: m.id,
    x: colStart[cols.indexOf(m.col)] as number,
    y: rowStart[rows.indexOf(m.row)] as number,
    width: m.width,
    height: m.height,
    windowX: m.x - originX,
    windowY: m.y - originY,
  }));
  return {
    ok: true,
    canvas: { width: sum(widths) + sum(colGaps), height: sum(heights) + sum(rowGaps), bezelCompensation, viewports },
  };
}

function starts(sizes: number[], gaps: number[]): number[] {
  let at = 0;
  return sizes.map((size, i) => {
    const start = at;
    at += size + (gaps[i] ?? 0);
    return start;
  });
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Column (x) and row (y) bands of the canvas shown by monitors, in order; the space between two is a seam. */
export function canvasBands(canvas: SurfaceCanvas): { x: Array<[number, number]>; y: Array<[number, number]> } {
  const band = (pairs: Array<[number, number]>): Array<[number, number]> =>
    [...new Map(pairs.map((p) => [p[0], p])).values()].sort((a, b) => a[0] - b[0]);
  return {
    x: band(canvas.viewports.map((v) => [v.x, v.x + v.width])),
    y: band(canvas.viewports.map((v) => [v.y, v.y + v.height])),
  };
}
