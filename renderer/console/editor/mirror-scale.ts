// The editor's mirror of the wall, drawn to scale and physically: monitors in their grid with their bezels (from
// the wall geometry, src/domain/wall/: bezel mm at each monitor's pixel pitch), so the gaps between monitors are
// the seams as they look in the room, and a surface spanning monitors runs behind the bezels between them (as
// bezel compensation draws it). A monitor whose bezels or pitch are unknown has a frame of 0.
import type { Monitor, Rect } from '../../../src/contract/wall.js';
import { bezelPx, toPhysicalMonitors } from '../../../src/domain/wall/monitor-grid.js';

interface MirrorMonitor {
  readonly id: string;
  /** The whole monitor, frame included. */
  readonly frame: Rect;
  /** Its pixels. */
  readonly visible: Rect;
}

export interface MirrorBox {
  readonly scale: number;
  readonly width: number;
  readonly height: number;
  readonly monitors: readonly MirrorMonitor[];
  /** Each surface, in the same order as given. */
  readonly surfaces: readonly Rect[];
  /** Some monitor has a bezel drawn (known mm and pitch). */
  readonly bezelsKnown: boolean;
}

interface Edges {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const EMPTY: MirrorBox = { scale: 0, width: 0, height: 0, monitors: [], surfaces: [], bezelsKnown: false };

/** Running sum of the frames before (and the leading frame of) each grid column or row. */
function shifts(count: number, lead: (i: number) => number, trail: (i: number) => number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += lead(i) + (i > 0 ? trail(i - 1) : 0);
    out.push(sum);
  }
  return out;
}

const contains = (r: Rect, x: number, y: number): boolean =>
  x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;

export function mirrorBox(
  monitors: readonly Monitor[],
  surfaces: readonly Rect[],
  availableWidth: number,
  maxHeight = Infinity,
): MirrorBox {
  if (availableWidth <= 0 || (monitors.length === 0 && surfaces.length === 0)) return EMPTY;
  const physical = toPhysicalMonitors(monitors);
  const edges: Edges[] = physical.map((m) => ({
    left: bezelPx(m.bezelMm.left, m.pitchMm?.x),
    right: bezelPx(m.bezelMm.right, m.pitchMm?.x),
    top: bezelPx(m.bezelMm.top, m.pitchMm?.y),
    bottom: bezelPx(m.bezelMm.bottom, m.pitchMm?.y),
  }));
  const cols = Math.max(0, ...physical.map((m) => m.col + 1));
  const rows = Math.max(0, ...physical.map((m) => m.row + 1));
  const most = (pick: (e: Edges) => number, inLine: (i: number) => boolean): number =>
    Math.max(0, ...edges.filter((_, i) => inLine(i)).map(pick));
  const shiftX = shifts(
    cols,
    (c) =>
      most(
        (e) => e.left,
        (i) => physical[i]!.col === c,
      ),
    (c) =>
      most(
        (e) => e.right,
        (i) => physical[i]!.col === c,
      ),
  );
  const shiftY = shifts(
    rows,
    (r) =>
      most(
        (e) => e.top,
        (i) => physical[i]!.row === r,
      ),
    (r) =>
      most(
        (e) => e.bottom,
        (i) => physical[i]!.row === r,
      ),
  );
  const visible = physical.map((m) => ({
    x: m.x + shiftX[m.col]!,
    y: m.y + shiftY[m.row]!,
    width: m.width,
    height: m.height,
  }));
  const frames = visible.map((v, i) => {
    const e = edges[i]!;
    return { x: v.x - e.left, y: v.y - e.top, width: v.width + e.left + e.right, height: v.height + e.top + e.bottom };
  });
  // A surface moves with the monitor under its top-left corner and ends with the one under its bottom-right.
  const shiftAt = (x: number, y: number): { dx: number; dy: number } => {
    const i = physical.findIndex((m) => contains(m, x, y));
    return i < 0 ? { dx: 0, dy: 0 } : { dx: visible[i]!.x - physical[i]!.x, dy: visible[i]!.y - physical[i]!.y };
  };
  const placed = surfaces.map((s) => {
    const a = shiftAt(s.x, s.y);
    const b = shiftAt(s.x + s.width - 1, s.y + s.height - 1);
    return { x: s.x + a.dx, y: s.y + a.dy, width: s.width + b.dx - a.dx, height: s.height + b.dy - a.dy };
  });
  const all = [...frames, ...placed];
  const left = Math.min(...all.map((r) => r.x));
  const top = Math.min(...all.map((r) => r.y));
  const right = Math.max(...all.map((r) => r.x + r.width));
  const bottom = Math.max(...all.map((r) => r.y + r.height));
  const scale = Math.min(availableWidth / (right - left), maxHeight / (bottom - top));
  const fit = (r: Rect): Rect => {
    const x = Math.round((r.x - left) * scale);
    const y = Math.round((r.y - top) * scale);
    return {
      x,
      y,
      width: Math.max(1, Math.round((r.x + r.width - left) * scale) - x),
      height: Math.max(1, Math.round((r.y + r.height - top) * scale) - y),
    };
  };
  return {
    scale,
    width: Math.round((right - left) * scale),
    height: Math.round((bottom - top) * scale),
    monitors: physical.map((m, i) => ({ id: m.id, frame: fit(frames[i]!), visible: fit(visible[i]!) })),
    surfaces: placed.map(fit),
    bezelsKnown: edges.some((e) => e.left + e.right + e.top + e.bottom > 0),
  };
}
