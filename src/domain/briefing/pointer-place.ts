// Where the presenter's pointer falls on the wall: the wall is the bounding box of its surfaces (what the presenter
// page draws), and a surface shows the dot when the point lies inside its own bounds.
import type { PointerAt } from '../../contract/pointer.js';
import type { Rect } from '../../contract/wall.js';

/** The smallest rectangle holding every surface; null for none. */
export function wallBox(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The point as fractions (0..1) of this surface, or null when it falls on another surface or between them. */
export function pointerOnSurface(at: PointerAt, wall: Rect, surface: Rect): PointerAt | null {
  const px = wall.x + at.x * wall.width;
  const py = wall.y + at.y * wall.height;
  const x = (px - surface.x) / surface.width;
  const y = (py - surface.y) / surface.height;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 ? { x, y } : null;
}
