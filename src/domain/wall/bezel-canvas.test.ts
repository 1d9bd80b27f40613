import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canvasBands, spanCanvas } from './bezel-canvas.js';
import { toPhysicalMonitors } from './monitor-grid.js';
import { gridMonitors } from '../../../test/support/grid-monitors.js';
import { intersect } from './tile-geometry.js';

describe('virtual canvas of a spanning surface', () => {
  it('adds the bezels of a 2×2 wall as pixel gaps and gives each monitor its viewport', () => {
    // 6 mm frames left/right, 4 mm top/bottom, 0.25 mm pixels: 48 px between columns, 32 px between rows.
    const wall = toPhysicalMonitors(gridMonitors(2, 2, { bezel: 6, bezelY: 4, pitch: 0.25 }));
    const r = spanCanvas(wall, true);
    expect(r.ok && r.canvas).toEqual({
      width: 3840 + 48,
      height: 2160 + 32,
      bezelCompensation: true,
      viewports: [
        { monitorId: 'M00', x: 0, y: 0, width: 1920, height: 1080, windowX: 0, windowY: 0 },
        { monitorId: 'M01', x: 1968, y: 0, width: 1920, height: 1080, windowX: 1920, windowY: 0 },
        { monitorId: 'M10', x: 0, y: 1112, width: 1920, height: 1080, windowX: 0, windowY: 1080 },
        { monitorId: 'M11', x: 1968, y: 1112, width: 1920, height: 1080, windowX: 1920, windowY: 1080 },
      ],
    });
  });

  it('has no gaps when compensation is off', () => {
    const r = spanCanvas(toPhysicalMonitors(gridMonitors(2, 2, { bezel: 6, pitch: 0.25 })), false);
    expect(r.ok && [r.canvas.width, r.canvas.height]).toEqual([3840, 2160]);
  });

  it('takes the pitch from the physical size', () => {
    const m = gridMonitors(1, 2, { bezel: 5 }).map((x) => ({ ...x, physicalMm: { width: 960, height: 540 } }));
    const r = spanCanvas(toPhysicalMonitors(m), true);
    expect(r.ok && r.canvas.width).toBe(3840 + 20); // 0.5 mm pixels: (5 + 5) / 0.5
  });

  it('refuses monitors that are not a full rectangle, or columns of different widths', () => {
    const three = toPhysicalMonitors(gridMonitors(2, 2)).slice(0, 3);
    expect(spanCanvas(three, true)).toMatchObject({ ok: false, error: expect.stringMatching(/full rectangle/) });
    const uneven = toPhysicalMonitors(gridMonitors(2, 1));
    uneven[1] = { ...uneven[1]!, width: 1280 };
    expect(spanCanvas(uneven, true)).toMatchObject({ ok: false, error: expect.stringMatching(/share a width/) });
  });

  const walls = fc.record({
    rows: fc.integer({ min: 1, max: 3 }),
    cols: fc.integer({ min: 1, max: 4 }),
    width: fc.integer({ min: 320, max: 3840 }),
    height: fc.integer({ min: 240, max: 2160 }),
    bezel: fc.double({ min: 0, max: 30, noNaN: true }),
    bezelY: fc.double({ min: 0, max: 30, noNaN: true }),
    pitch: fc.double({ min: 0.05, max: 2, noNaN: true }),
    compensation: fc.boolean(),
  });

  it('viewports lie inside the canvas, never overlap, and with the gaps cover it exactly', () => {
    fc.assert(
      fc.property(walls, (w) => {
        const r = spanCanvas(toPhysicalMonitors(gridMonitors(w.rows, w.cols, w)), w.compensation);
        if (!r.ok) return false;
        const { canvas } = r;
        const vps = canvas.viewports;
        for (const v of vps) {
          expect(v.x).toBeGreaterThanOrEqual(0);
          expect(v.y).toBeGreaterThanOrEqual(0);
          expect(v.x + v.width).toBeLessThanOrEqual(canvas.width);
          expect(v.y + v.height).toBeLessThanOrEqual(canvas.height);
        }
        for (let i = 0; i < vps.length; i++)
          for (let j = i + 1; j < vps.length; j++) expect(intersect(vps[i]!, vps[j]!)).toBeNull();
        const shown = vps.reduce((a, v) => a + v.width * v.height, 0);
        const gapX = canvas.width - w.cols * w.width;
        const gapY = canvas.height - w.rows * w.height;
        // Shown pixels plus the strips behind the bezels make up the whole canvas.
        expect(shown + gapX * canvas.height + gapY * (canvas.width - gapX)).toBe(canvas.width * canvas.height);
        if (!w.compensation) expect(shown).toBe(canvas.width * canvas.height);
        return true;
      }),
    );
  });

  it('every seam is as wide as the two facing bezels in pixels (mm / pitch)', () => {
    fc.assert(
      fc.property(walls, (w) => {
        const r = spanCanvas(toPhysicalMonitors(gridMonitors(w.rows, w.cols, w)), true);
        if (!r.ok) return false;
        const bands = canvasBands(r.canvas);
        const gaps = (b: Array<[number, number]>): number[] => b.slice(1).map((x, i) => x[0] - b[i]![1]);
        expect(gaps(bands.x)).toEqual(Array(w.cols - 1).fill(Math.round((2 * w.bezel) / w.pitch)));
        expect(gaps(bands.y)).toEqual(Array(w.rows - 1).fill(Math.round((2 * w.bezelY) / w.pitch)));
        return true;
      }),
    );
  });
});
