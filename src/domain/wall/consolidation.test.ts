import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate, type HomeSurface } from './consolidation.js';
import { gridMonitors } from '../../../test/support/grid-monitors.js';
import { toPhysicalMonitors } from './monitor-grid.js';
import { intersect } from './tile-geometry.js';
import type { PhysicalMonitor } from './wall-types.js';

const wall2x2 = toPhysicalMonitors(gridMonitors(2, 2));
const perMonitor = (ms: readonly PhysicalMonitor[]): HomeSurface[] =>
  ms.map((m, i) => ({ id: `wall-${i + 1}`, monitorIds: [m.id] }));
const ids = (ms: readonly PhysicalMonitor[]): string[] => ms.map((m) => m.id);

describe('consolidation', () => {
  it('leaves every surface at home when every monitor is present', () => {
    const placed = consolidate(wall2x2, perMonitor(wall2x2), ids(wall2x2))!;
    expect(placed.map((p) => [p.surfaceId, p.monitorIds, p.consolidated])).toEqual([
      ['wall-1', ['M00'], false],
      ['wall-2', ['M01'], false],
      ['wall-3', ['M10'], false],
      ['wall-4', ['M11'], false],
    ]);
  });

  it('moves the surface of the bottom-right monitor to the bottom-left one (tie: left before up), side by side', () => {
    const placed = consolidate(wall2x2, perMonitor(wall2x2), ['M00', 'M01', 'M10'])!;
    expect(placed.map((p) => [p.surfaceId, p.monitorIds, p.bounds, p.consolidated])).toEqual([
      ['wall-1', ['M00'], { x: 0, y: 0, width: 1920, height: 1080 }, false],
      ['wall-2', ['M01'], { x: 1920, y: 0, width: 1920, height: 1080 }, false],
      ['wall-3', ['M10'], { x: 0, y: 1080, width: 960, height: 1080 }, true],
      ['wall-4', ['M10'], { x: 960, y: 1080, width: 960, height: 1080 }, true],
    ]);
  });

  it('splits one remaining monitor as a grid among all four surfaces', () => {
    const placed = consolidate(wall2x2, perMonitor(wall2x2), ['M01'])!;
    // wall-2 is at home and keeps the first cell; the orphans follow in the order of the wall.
    expect(placed.map((p) => [p.surfaceId, p.bounds])).toEqual([
      ['wall-1', { x: 2880, y: 0, width: 960, height: 540 }],
      ['wall-2', { x: 1920, y: 0, width: 960, height: 540 }],
      ['wall-3', { x: 1920, y: 540, width: 960, height: 540 }],
      ['wall-4', { x: 2880, y: 540, width: 960, height: 540 }],
    ]);
  });

  it('shrinks a spanning surface to the largest rectangle of its present monitors', () => {
    const span: HomeSurface[] = [{ id: 'span', monitorIds: ids(wall2x2) }];
    expect(consolidate(wall2x2, span, ['M00', 'M01', 'M10'])![0]).toEqual({
      surfaceId: 'span',
      monitorIds: ['M00', 'M01'], // a row and a column tie: the top-most wins
      bounds: { x: 0, y: 0, width: 3840, height: 1080 },
      consolidated: true,
      whole: true,
    });
    expect(consolidate(wall2x2, span, ['M01', 'M11'])![0]!.monitorIds).toEqual(['M01', 'M11']);
  });

  it('places nothing when no monitor is present', () => {
    expect(consolidate(wall2x2, perMonitor(wall2x2), [])).toBeNull();
  });

  // Walls of 1–3 rows × 1–4 columns; surfaces: some rectangles spanning, the rest one per monitor.
  const scenario = fc
    .record({
      rows: fc.integer({ min: 1, max: 3 }),
      cols: fc.integer({ min: 1, max: 4 }),
      spanW: fc.integer({ min: 1, max: 4 }),
      spanH: fc.integer({ min: 1, max: 3 }),
      presentBits: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      seed: fc.nat(),
    })
    .map((s) => {
      const monitors = toPhysicalMonitors(gridMonitors(s.rows, s.cols));
      const w = Math.min(s.spanW, s.cols);
      const h = Math.min(s.spanH, s.rows);
      const inSpan = (m: PhysicalMonitor): boolean => m.col < w && m.row < h;
      const surfaces: HomeSurface[] = [
        { id: 'span', monitorIds: monitors.filter(inSpan).map((m) => m.id) },
        ...monitors.filter((m) => !inSpan(m)).map((m) => ({ id: `own-${m.id}`, monitorIds: [m.id] })),
      ];
      const present = monitors.filter((_, i) => s.presentBits[i]).map((m) => m.id);
      return { monitors, surfaces, present, seed: s.seed };
    });

  it('is total: with any monitor present, every surface lands on present monitors, inside them, without overlap', () => {
    fc.assert(
      fc.property(scenario, ({ monitors, surfaces, present }) => {
        const placed = consolidate(monitors, surfaces, present);
        if (present.length === 0) return placed === null;
        expect(placed!.map((p) => p.surfaceId)).toEqual(surfaces.map((s) => s.id));
        for (const p of placed!) {
          expect(p.monitorIds.length).toBeGreaterThan(0);
          expect(p.monitorIds.every((id) => present.includes(id))).toBe(true);
          const area = p.monitorIds.map((id) => monitors.find((m) => m.id === id)!);
          const covered = area.reduce(
            (a, m) => a + (intersect(m, p.bounds)?.width ?? 0) * (intersect(m, p.bounds)?.height ?? 0),
            0,
          );
          expect(covered).toBe(p.bounds.width * p.bounds.height);
        }
        for (let i = 0; i < placed!.length; i++)
          for (let j = i + 1; j < placed!.length; j++)
            expect(intersect(placed![i]!.bounds, placed![j]!.bounds)).toBeNull();
        return true;
      }),
    );
  });

  it('is deterministic: the order monitors are reported in changes nothing', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ monitors, surfaces, present }, k) => {
        const rotated = [...present.slice(k % (present.length || 1)), ...present.slice(0, k % (present.length || 1))];
        const shuffledMonitors = [...monitors].reverse();
        expect(consolidate(shuffledMonitors, surfaces, rotated)).toEqual(consolidate(monitors, surfaces, present));
      }),
    );
  });

  it('is reversible: after any monitors go away and come back, every surface is at home again', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { maxLength: 5 }),
        (s, steps) => {
          const all = ids(s.monitors);
          const home = consolidate(s.monitors, s.surfaces, all)!;
          for (const bits of [...steps, []])
            consolidate(
              s.monitors,
              s.surfaces,
              all.filter((_, i) => bits[i]),
            );
          const back = consolidate(s.monitors, s.surfaces, all)!;
          expect(back).toEqual(home);
          for (const p of back) {
            expect(p.consolidated).toBe(false);
            expect(p.monitorIds).toEqual([...s.surfaces.find((x) => x.id === p.surfaceId)!.monitorIds].sort());
          }
        },
      ),
    );
  });
});
