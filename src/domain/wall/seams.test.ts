import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurfaceCanvas } from '../../contract/wall.js';
import { spanCanvas } from './bezel-canvas.js';
import { gridMonitors } from '../../../test/support/grid-monitors.js';
import { toPhysicalMonitors } from './monitor-grid.js';
import { canvasSeams, nudgeOffSeams, seamsCrossed, seamWarnings } from './seams.js';
import { tileRect } from './tile-geometry.js';

// The editor asks the widget registry; here the map is the one graphic kind.
const isTextKind = (kind: string): boolean => kind !== 'map';

function canvasOf(rows: number, cols: number, bezel: number, compensation = true): SurfaceCanvas {
  const r = spanCanvas(toPhysicalMonitors(gridMonitors(rows, cols, { bezel, pitch: 0.25 })), compensation);
  if (!r.ok) throw new Error(r.error);
  return r.canvas;
}

describe('seams', () => {
  const wall = canvasOf(2, 2, 6); // 3888 × 2208, hidden strips x 1920..1968, y 1080..1128
  const grid = { columns: 12, rows: 8 };

  it('lists the hidden strips between columns and rows', () => {
    expect(canvasSeams(wall)).toEqual([
      { axis: 'x', from: 1920, to: 1968 },
      { axis: 'y', from: 1080, to: 1128 },
    ]);
  });

  it('finds a KPI across the middle and nudges it to the nearest free place, keeping clear of other tiles', () => {
    // 324 px cells: columns 0–4 lie on the left monitors, column 5 reaches behind the bezel, 7–11 on the right.
    const kpi = { id: 'kpi', kind: 'kpi', x: 4, y: 0, w: 4, h: 3 };
    expect(seamWarnings({ ...grid, tiles: [kpi] }, wall, isTextKind)).toEqual([
      { tileId: 'kpi', kind: 'kpi', seams: [{ axis: 'x', from: 1920, to: 1968 }], nudge: { x: 1, y: 0 } },
    ]);
    const taken = { id: 'alerts', kind: 'alerts', x: 0, y: 0, w: 3, h: 3 };
    expect(seamWarnings({ ...grid, tiles: [kpi, taken] }, wall, isTextKind)[0]?.nudge).toEqual({ x: 7, y: 0 });
  });

  it('lets graphics cross seams, and has nothing to nudge when no place fits', () => {
    const map = { id: 'map', kind: 'map', x: 0, y: 0, w: 12, h: 8 };
    expect(seamWarnings({ ...grid, tiles: [map] }, wall, isTextKind)).toEqual([]);
    expect(nudgeOffSeams({ x: 0, y: 0, w: 8, h: 2 }, grid, wall)).toBeNull();
  });

  it('treats a line seam (no compensation) as crossed only by tiles that span it', () => {
    const flat = canvasOf(1, 2, 6, false);
    expect(seamsCrossed({ x: 0, y: 0, w: 6, h: 1 }, grid, flat)).toEqual([]);
    expect(seamsCrossed({ x: 5, y: 0, w: 2, h: 1 }, grid, flat)).toHaveLength(1);
  });

  const cases = fc.record({
    rows: fc.integer({ min: 1, max: 3 }),
    cols: fc.integer({ min: 1, max: 4 }),
    bezel: fc.integer({ min: 0, max: 20 }),
    compensation: fc.boolean(),
    columns: fc.integer({ min: 1, max: 24 }),
    gridRows: fc.integer({ min: 1, max: 16 }),
    tile: fc.record({
      x: fc.nat(23),
      y: fc.nat(15),
      w: fc.integer({ min: 1, max: 24 }),
      h: fc.integer({ min: 1, max: 16 }),
    }),
  });

  it('a tile placed by the nudge crosses no seam; a tile that crosses none stays where it is', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const canvas = canvasOf(c.rows, c.cols, c.bezel, c.compensation);
        const g = { columns: c.columns, rows: c.gridRows };
        const tile = {
          w: Math.min(c.tile.w, g.columns),
          h: Math.min(c.tile.h, g.rows),
          x: c.tile.x % g.columns,
          y: c.tile.y % g.rows,
        };
        tile.x = Math.min(tile.x, g.columns - tile.w);
        tile.y = Math.min(tile.y, g.rows - tile.h);
        const nudge = nudgeOffSeams(tile, g, canvas);
        if (nudge) {
          const placed = { ...tile, ...nudge };
          expect(seamsCrossed(placed, g, canvas)).toEqual([]);
          expect(placed.x + placed.w).toBeLessThanOrEqual(g.columns);
          expect(placed.y + placed.h).toBeLessThanOrEqual(g.rows);
        }
        if (seamsCrossed(tile, g, canvas).length === 0) expect(nudge).toEqual({ x: tile.x, y: tile.y });
      }),
    );
  });

  it('a tile that crosses no seam lies, in pixels, within one monitor', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const canvas = canvasOf(c.rows, c.cols, c.bezel, c.compensation);
        const g = { columns: c.columns, rows: c.gridRows };
        const tile = { x: c.tile.x % g.columns, y: c.tile.y % g.rows, w: 1, h: 1 };
        tile.w = Math.min(c.tile.w, g.columns - tile.x);
        tile.h = Math.min(c.tile.h, g.rows - tile.y);
        const r = tileRect(tile, g, canvas);
        const inOne = canvas.viewports.some(
          (v) =>
            r.x >= v.x - 1e-6 &&
            r.y >= v.y - 1e-6 &&
            r.x + r.width <= v.x + v.width + 1e-6 &&
            r.y + r.height <= v.y + v.height + 1e-6,
        );
        expect(seamsCrossed(tile, g, canvas).length === 0).toBe(inOne);
      }),
    );
  });
});
