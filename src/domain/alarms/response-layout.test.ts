import { describe, expect, it } from 'vitest';
import type { SurfaceLayout } from '../../contract/wall.js';
import { respondOnLayout } from './response-layout.js';
import type { ActiveResponse } from './response-schema.js';

const layout: SurfaceLayout = {
  columns: 4,
  rows: 2,
  tiles: [
    { id: 'ban-do', kind: 'map', x: 0, y: 0, w: 2, h: 2, settings: {} },
    { id: 'cam', kind: 'video', x: 2, y: 0, w: 2, h: 1, settings: { url: 'https://vms.local/a.m3u8' } },
    { id: 'kpi', kind: 'kpi', x: 2, y: 1, w: 2, h: 1, settings: {} },
  ],
};

const active = (response: ActiveResponse['response'], province: string | null = '46'): ActiveResponse => ({
  alarmId: `lu:${province}`,
  ruleId: 'lu',
  priority: 'emergency',
  title: 'Lũ',
  province,
  activatedAt: 1,
  response,
  revertAt: null,
});

describe('respondOnLayout', () => {
  it('zooms every map tile, or the named one, on the alarm province', () => {
    const out = respondOnLayout(layout, [active({ kind: 'zoom-map' })], () => undefined);
    expect(out.tiles[0]!.focus).toEqual({ kind: 'map', provinces: ['46'] });
    expect(respondOnLayout(layout, [active({ kind: 'zoom-map', tileId: 'khac' })], () => undefined)).toBe(layout);
    // A national alarm has no province to zoom on.
    expect(respondOnLayout(layout, [active({ kind: 'zoom-map' }, null)], () => undefined)).toBe(layout);
  });

  it('puts the named camera, else the nearest one, in the named video tile', () => {
    const named = respondOnLayout(
      layout,
      [active({ kind: 'camera', tileId: 'cam', cameraId: 'cau-truong-tien' })],
      () => 'x',
    );
    expect(named.tiles[1]!.settings).toMatchObject({ camera: 'cau-truong-tien' });
    const nearest = respondOnLayout(layout, [active({ kind: 'camera', tileId: 'cam' })], (p) =>
      p === '46' ? 'hue-1' : undefined,
    );
    expect(nearest.tiles[1]!.settings).toMatchObject({ camera: 'hue-1' });
    expect(respondOnLayout(layout, [active({ kind: 'camera', tileId: 'cam' })], () => undefined)).toBe(layout);
  });

  it('gives a tile to the first response that names it and leaves a focused tile alone', () => {
    const out = respondOnLayout(
      layout,
      [active({ kind: 'zoom-map' }, '01'), active({ kind: 'zoom-map' }, '46')],
      () => undefined,
    );
    expect(out.tiles[0]!.focus).toEqual({ kind: 'map', provinces: ['01'] });
    const focused = {
      ...layout,
      tiles: layout.tiles.map((t) => (t.kind === 'map' ? { ...t, focus: { kind: 'kpi' as const } } : t)),
    };
    expect(respondOnLayout(focused, [active({ kind: 'zoom-map' })], () => undefined)).toBe(focused);
  });
});
