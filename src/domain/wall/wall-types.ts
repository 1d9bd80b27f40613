// The wall as the geometry sees it: monitors with their place in the grid, their pixels and their frames.
// Pure data; the contract's `Monitor` (wall file, xrandr, Electron) is turned into this by `monitor-grid.ts`.

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Frame width on each side, in mm. */
export interface Bezels {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PhysicalMonitor {
  id: string;
  /** Place in the wall's grid (0-based). */
  row: number;
  col: number;
  /** Place and size in the display server's pixels: where windows are put. */
  x: number;
  y: number;
  width: number;
  height: number;
  bezelMm: Bezels;
  /** Size of a pixel in mm across and down; null when unknown (its bezels cannot be turned into pixels). */
  pitchMm: { x: number; y: number } | null;
}

/** A tile's place in a surface's grid, in cells. */
export interface CellRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GridSize {
  columns: number;
  rows: number;
}

export const NO_BEZELS: Bezels = { top: 0, right: 0, bottom: 0, left: 0 };

/** Reading order of a wall: top row first, left to right. */
export function byReadingOrder(a: { row: number; col: number }, b: { row: number; col: number }): number {
  return a.row - b.row || a.col - b.col;
}
