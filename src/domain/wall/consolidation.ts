// Consolidation: where every surface is shown when some monitors are missing. A pure function of the wall and
// of the monitors present now (no history), so it is deterministic and a surface returns to its own monitors as
// soon as they are back. The rule, also in docs/wall-model.md:
//   1. A surface whose monitors are all present stays on them.
//   2. A spanning surface that lost some of its monitors shrinks to the largest full rectangle of its present
//      ones (ties: the top-most, then the left-most, then the wider).
//   3. A surface with none of its monitors present is an orphan; it goes to the nearest present monitor of the
//      grid (fewest rows + columns away from any of its own monitors; ties to the left, then up).
//   4. The monitors an orphan lands on are shared: the surface already there (if any) and its orphans, in that
//      order, split the area as a grid of ⌈√n⌉ columns, left to right then top to bottom.
import { gridBlock } from './bezel-canvas.js';
import { byReadingOrder, type PhysicalMonitor, type PixelRect } from './wall-types.js';

export interface HomeSurface {
  id: string;
  /** Its own monitors: one, or a full rectangle of the grid (spanning). Disjoint between surfaces. */
  monitorIds: readonly string[];
}

export interface Placement {
  surfaceId: string;
  /** Monitors its window covers, in reading order; never empty, all present. */
  monitorIds: string[];
  bounds: PixelRect;
  /** Not alone on exactly its own monitors: moved, shrunk or sharing. */
  consolidated: boolean;
  /** Its window covers whole monitors (a spanning canvas may be drawn on them), not a share of one. */
  whole: boolean;
}

interface Group {
  monitors: PhysicalMonitor[];
  /** Surface ids: the owner (whose monitors these are) first, then orphans in the order of the wall. */
  tenants: string[];
  shrunk: boolean;
  owner: string | null;
}

/** Places every surface on present monitors; null when no monitor of the wall is present. */
export function consolidate(
  monitors: readonly PhysicalMonitor[],
  surfaces: readonly HomeSurface[],
  present: Iterable<string>,
): Placement[] | null {
  const presentIds = new Set(present);
  const live = monitors.filter((m) => presentIds.has(m.id)).sort(byReadingOrder);
  if (live.length === 0) return null;
  const groups: Group[] = [];
  const orphans: Array<{ id: string; home: PhysicalMonitor[] }> = [];
  for (const s of surfaces) {
    const home = monitors.filter((m) => s.monitorIds.includes(m.id));
    const here = home.filter((m) => presentIds.has(m.id));
    if (here.length > 0 && here.length === home.length) {
      groups.push({ monitors: here, tenants: [s.id], shrunk: false, owner: s.id });
    } else if (here.length > 0) {
      groups.push({ monitors: largestRectangle(here), tenants: [s.id], shrunk: true, owner: s.id });
    } else {
      orphans.push({ id: s.id, home });
    }
  }
  for (const orphan of orphans) {
    const target = nearest(live, orphan.home);
    let group = groups.find((g) => g.monitors.some((m) => m.id === target.id));
    if (!group) {
      group = { monitors: [target], tenants: [], shrunk: false, owner: null };
      groups.push(group);
    }
    group.tenants.push(orphan.id);
  }
  const placed = new Map<string, Placement>();
  for (const g of groups) {
    const area = boundsOf(g.monitors);
    const n = g.tenants.length;
    const cols = Math.ceil(Math.sqrt(n));
    const rows = Math.ceil(n / cols);
    g.tenants.forEach((id, i) => {
      const whole = n === 1;
      const bounds = whole ? area : splitCell(area, cols, rows, i % cols, Math.floor(i / cols));
      placed.set(id, {
        surfaceId: id,
        monitorIds: g.monitors
          .filter((m) => overlapArea(m, bounds) > 0)
          .sort(byReadingOrder)
          .map((m) => m.id),
        bounds,
        consolidated: !whole || g.shrunk || g.owner !== id,
        whole,
      });
    });
  }
  return surfaces.map((s) => placed.get(s.id) as Placement);
}

/** Fewest grid steps from any of the orphan's own monitors; ties to the left (column), then up (row). */
function nearest(live: readonly PhysicalMonitor[], home: readonly PhysicalMonitor[]): PhysicalMonitor {
  const distance = (m: PhysicalMonitor): number =>
    home.length === 0 ? 0 : Math.min(...home.map((h) => Math.abs(h.row - m.row) + Math.abs(h.col - m.col)));
  return [...live].sort((a, b) => distance(a) - distance(b) || a.col - b.col || a.row - b.row)[0] as PhysicalMonitor;
}

/** The largest full rectangle of the grid among `here`; ties: top-most, then left-most, then wider. */
function largestRectangle(here: readonly PhysicalMonitor[]): PhysicalMonitor[] {
  const at = new Map(here.map((m) => [`${m.row},${m.col}`, m]));
  const rows = [...new Set(here.map((m) => m.row))].sort((a, b) => a - b);
  const cols = [...new Set(here.map((m) => m.col))].sort((a, b) => a - b);
  let best: { cells: PhysicalMonitor[]; r0: number; c0: number; width: number } | null = null;
  for (const r0 of rows) {
    for (const c0 of cols) {
      for (let r1 = r0; at.has(`${r1},${c0}`); r1++) {
        for (let c1 = c0; at.has(`${r0},${c1}`); c1++) {
          const cells: PhysicalMonitor[] = [];
          for (let r = r0; r <= r1; r++)
            for (let c = c0; c <= c1; c++) if (at.has(`${r},${c}`)) cells.push(at.get(`${r},${c}`) as PhysicalMonitor);
          if (cells.length !== (r1 - r0 + 1) * (c1 - c0 + 1) || 'error' in gridBlock(cells)) continue;
          const width = c1 - c0 + 1;
          const better =
            !best ||
            cells.length > best.cells.length ||
            (cells.length === best.cells.length &&
              (r0 < best.r0 || (r0 === best.r0 && (c0 < best.c0 || (c0 === best.c0 && width > best.width)))));
          if (better) best = { cells, r0, c0, width };
        }
      }
    }
  }
  return (best as { cells: PhysicalMonitor[] }).cells;
}

function boundsOf(rects: readonly PixelRect[]): PixelRect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** Cell (col, row) of `area` split into cols × rows; edges at whole pixels, so the cells tile the area exactly. */
function splitCell(area: PixelRect, cols: number, rows: number, col: number, row: number): PixelRect {
  const edge = (start: number, size: number, parts: number, k: number): number =>
    start + Math.floor((k * size) / parts);
  const x = edge(area.x, area.width, cols, col);
  const y = edge(area.y, area.height, rows, row);
  return {
    x,
    y,
    width: edge(area.x, area.width, cols, col + 1) - x,
    height: edge(area.y, area.height, rows, row + 1) - y,
  };
}

function overlapArea(a: PixelRect, b: PixelRect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
