import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurfaceLayout } from '../../../src/contract/wall.js';
import { SurfaceLayout as SurfaceLayoutSchema } from '../../../src/contract/wall.js';
import { spanCanvas } from '../../../src/domain/wall/bezel-canvas.js';
import { toPhysicalMonitors } from '../../../src/domain/wall/monitor-grid.js';
import { gridMonitors } from '../../../test/support/grid-monitors.js';
import {
  addTile,
  draftFromPreset,
  draftSeamWarnings,
  excludeSurface,
  freeSpot,
  includeSurface,
  moveTile,
  placeTiles,
  presetIdFor,
} from './editor-draft';
import { mirrorBox } from './mirror-scale';

const layout: SurfaceLayout = {
  columns: 12,
  rows: 8,
  tiles: [
    { id: 'a', kind: 'clock', x: 0, y: 0, w: 6, h: 4, settings: {} },
    { id: 'b', kind: 'alerts', x: 6, y: 0, w: 6, h: 8, settings: {} },
  ],
};
const preset = {
  id: 'p',
  name: 'P',
  version: 3,
  layouts: { 'wall-1': layout },
  updatedAt: 0,
  updatedBy: 'an',
  undoTo: 2,
};

describe('editor draft', () => {
  it('starts clean at the preset version and becomes dirty when a tile moves', () => {
    const draft = draftFromPreset(preset);
    expect(draft).toMatchObject({ baseVersion: 3, dirty: false });
    expect(placeTiles(draft, 'wall-1', [{ i: 'a', x: 0, y: 0, w: 6, h: 4 }])).toBe(draft);
    const moved = placeTiles(draft, 'wall-1', [{ i: 'a', x: 0, y: 4, w: 6, h: 4 }]);
    expect(moved.dirty).toBe(true);
    expect(moved.layouts['wall-1']?.tiles[0]).toMatchObject({ x: 0, y: 4 });
  });

  it('keeps moved tiles inside the grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 40 }),
        fc.integer({ min: -20, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (x, y, w, h) => {
          const moved = placeTiles(draftFromPreset(preset), 'wall-1', [{ i: 'a', x, y, w, h }]);
          expect(SurfaceLayoutSchema.safeParse(moved.layouts['wall-1']).success).toBe(true);
          const t = moved.layouts['wall-1']!.tiles[0]!;
          expect(t.x + t.w).toBeLessThanOrEqual(12);
          expect(t.y + t.h).toBeLessThanOrEqual(8);
        },
      ),
    );
  });

  it('adds a tile of a kind in the first free place with a fresh id', () => {
    const added = addTile(draftFromPreset(preset), 'wall-1', 'clock');
    expect(added?.tileId).toBe('clock-1');
    expect(added?.draft.layouts['wall-1']?.tiles.at(-1)).toMatchObject({ x: 0, y: 4, w: 3, h: 2 });
    const full: SurfaceLayout = {
      columns: 2,
      rows: 1,
      tiles: [{ id: 'x', kind: 'k', x: 0, y: 0, w: 2, h: 1, settings: {} }],
    };
    expect(freeSpot(full, 3, 2)).toBeNull();
  });

  it('includes and excludes surfaces', () => {
    const draft = includeSurface(draftFromPreset(preset), 'wall-2', layout);
    expect(Object.keys(draft.layouts)).toEqual(['wall-1', 'wall-2']);
    expect(Object.keys(excludeSurface(draft, 'wall-1').layouts)).toEqual(['wall-2']);
  });

  it('makes preset ids from Vietnamese names', () => {
    expect(presetIdFor('Giao ban sáng', new Set())).toBe('giao-ban-sang');
    expect(presetIdFor('Ứng phó khẩn cấp', new Set())).toBe('ung-pho-khan-cap');
    expect(presetIdFor('Điều hành', new Set(['dieu-hanh']))).toBe('dieu-hanh-2');
    expect(presetIdFor('!!!', new Set())).toBe('preset');
  });

  it('scales the wall into the mirror box, keeping monitors side by side', () => {
    const monitors = [
      { id: 'l', name: 'L', x: 0, y: 0, width: 1920, height: 1080, primary: true },
      { id: 'r', name: 'R', x: 1920, y: 0, width: 1920, height: 1080, primary: false },
    ];
    const box = mirrorBox(monitors, monitors, 960);
    expect(box).toMatchObject({ scale: 0.25, width: 960, height: 270, bezelsKnown: false });
    expect(box.monitors[1]?.frame).toEqual({ x: 480, y: 0, width: 480, height: 270 });
    expect(box.surfaces[1]).toEqual({ x: 480, y: 0, width: 480, height: 270 });
  });

  it("warns of a text tile across a spanning surface's seam and moves it to the proposed place", () => {
    // Two monitors side by side, 6 mm frames at 0.25 mm pixels: a 48 px strip behind the bezels at x 1920.
    const spanned = spanCanvas(toPhysicalMonitors(gridMonitors(1, 2, { bezel: 6, pitch: 0.25 })), true);
    if (!spanned.ok) throw new Error(spanned.error);
    const across: SurfaceLayout = {
      columns: 12,
      rows: 8,
      tiles: [
        { id: 'clock', kind: 'clock', x: 4, y: 0, w: 4, h: 2, settings: {} },
        { id: 'map', kind: 'map', x: 0, y: 2, w: 12, h: 6, settings: {} },
      ],
    };
    // wall-1 has no canvas (one monitor): nothing of it is checked.
    const draft = draftFromPreset({ ...preset, layouts: { 'wall-1': across, span: across } });
    const canvasOf = (surfaceId: string) => (surfaceId === 'span' ? spanned.canvas : undefined);
    const isText = (kind: string) => kind !== 'map';
    const warnings = draftSeamWarnings(draft, canvasOf, isText);
    expect(warnings).toEqual([
      {
        surfaceId: 'span',
        tileId: 'clock',
        kind: 'clock',
        seams: [{ axis: 'x', from: 1920, to: 1968 }],
        nudge: { x: 1, y: 0 },
      },
    ]);
    const moved = moveTile(draft, 'span', 'clock', warnings[0]!.nudge!);
    expect(moved.layouts.span?.tiles[0]).toMatchObject({ x: 1, y: 0, w: 4, h: 2 });
    expect(draftSeamWarnings(moved, canvasOf, isText)).toEqual([]);
  });

  it("draws bezels at each monitor's pitch: seams become gaps, a spanning surface runs behind them", () => {
    // 10 mm frames at 0.5 mm per pixel: 20 px on every side, so 40 px between the two monitors.
    const bezel = { bezelMm: { top: 10, right: 10, bottom: 10, left: 10 }, pixelPitchMm: 0.5 };
    const monitors = [
      { id: 'l', name: 'L', x: 0, y: 0, width: 1000, height: 500, primary: true, ...bezel },
      { id: 'r', name: 'R', x: 1000, y: 0, width: 1000, height: 500, primary: false, ...bezel },
    ];
    const span = { x: 0, y: 0, width: 2000, height: 500 };
    const box = mirrorBox(monitors, [monitors[0]!, monitors[1]!, span], 2080);
    expect(box).toMatchObject({ scale: 1, width: 2080, height: 540, bezelsKnown: true });
    expect(box.monitors.map((m) => m.visible.x)).toEqual([20, 1060]);
    expect(box.monitors[1]?.frame).toEqual({ x: 1040, y: 0, width: 1040, height: 540 });
    expect(box.surfaces[1]).toEqual({ x: 1060, y: 20, width: 1000, height: 500 });
    expect(box.surfaces[2]).toEqual({ x: 20, y: 20, width: 2040, height: 500 });
  });
});
