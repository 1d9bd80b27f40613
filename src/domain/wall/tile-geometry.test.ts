import { describe, expect, it } from 'vitest';
import { spanCanvas } from './bezel-canvas.js';
import { gridMonitors } from '../../../test/support/grid-monitors.js';
import { toPhysicalMonitors } from './monitor-grid.js';
import { tileFragments, tileRect } from './tile-geometry.js';

describe('tile fragments', () => {
  const r = spanCanvas(toPhysicalMonitors(gridMonitors(2, 2, { bezel: 6, bezelY: 4, pitch: 0.25 })), true);
  if (!r.ok) throw new Error(r.error);
  const canvas = r.canvas; // 3888 × 2192

  it('cuts a tile over the whole canvas into one fragment per monitor, skipping what is behind the bezels', () => {
    const frags = tileFragments(tileRect({ x: 0, y: 0, w: 1, h: 1 }, { columns: 1, rows: 1 }, canvas), canvas);
    expect(frags.map((f) => [f.monitorId, f.window, f.tileOffset])).toEqual([
      ['M00', { x: 0, y: 0, width: 1920, height: 1080 }, { x: 0, y: 0 }],
      ['M01', { x: 1920, y: 0, width: 1920, height: 1080 }, { x: -1968, y: 0 }],
      ['M10', { x: 0, y: 1080, width: 1920, height: 1080 }, { x: 0, y: -1112 }],
      ['M11', { x: 1920, y: 1080, width: 1920, height: 1080 }, { x: -1968, y: -1112 }],
    ]);
  });

  it('gives a tile within one monitor a single fragment at its place in the window', () => {
    const rect = { x: 2000, y: 1200, width: 300, height: 200 };
    expect(tileFragments(rect, canvas)).toEqual([
      {
        monitorId: 'M11',
        clip: rect,
        window: { x: 1920 + 32, y: 1080 + 88, width: 300, height: 200 },
        tileOffset: { x: 0, y: 0 },
      },
    ]);
  });

  it('draws nothing of a tile entirely behind a bezel', () => {
    expect(tileFragments({ x: 1925, y: 10, width: 20, height: 20 }, canvas)).toEqual([]);
  });
});
