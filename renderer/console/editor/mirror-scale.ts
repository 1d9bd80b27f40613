// The editor's mirror of the wall, drawn to scale: where each monitor goes in a box of a given width.
// TODO(wall geometry): bezels are 0 until src/domain/wall/ gives each monitor its bezel widths in mm; then the
// gap between neighbouring monitors becomes their bezels at the wall's pixel pitch.
import type { Rect } from '../../../src/contract/wall.js';

export interface MirrorBox {
  readonly scale: number;
  readonly width: number;
  readonly height: number;
  /** Each input rect, scaled and moved so that the wall's top-left corner is (0, 0). */
  readonly rects: readonly Rect[];
}

export const BEZEL_PX = 0;

export function mirrorBox(monitors: readonly Rect[], availableWidth: number, maxHeight = Infinity): MirrorBox {
  if (monitors.length === 0 || availableWidth <= 0) return { scale: 0, width: 0, height: 0, rects: [] };
  const left = Math.min(...monitors.map((m) => m.x));
  const top = Math.min(...monitors.map((m) => m.y));
  const right = Math.max(...monitors.map((m) => m.x + m.width));
  const bottom = Math.max(...monitors.map((m) => m.y + m.height));
  const scale = Math.min(availableWidth / (right - left), maxHeight / (bottom - top));
  const px = (v: number) => Math.round(v * scale);
  return {
    scale,
    width: px(right - left),
    height: px(bottom - top),
    rects: monitors.map((m) => {
      const x = px(m.x - left);
      const y = px(m.y - top);
      return {
        x: x + BEZEL_PX,
        y: y + BEZEL_PX,
        width: Math.max(1, px(m.x - left + m.width) - x - 2 * BEZEL_PX),
        height: Math.max(1, px(m.y - top + m.height) - y - 2 * BEZEL_PX),
      };
    }),
  };
}
