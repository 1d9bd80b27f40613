import { describe, expect, it } from 'vitest';
import { PresetPayload } from '../presets/preset-schema.js';
import { Scene } from './briefing-schema.js';
import { sceneLayouts } from './scene-layouts.js';

const tile = (id: string, kind: string) => ({ id, kind, x: 0, y: 0, w: 1, h: 1, settings: {} });
const preset = PresetPayload.parse({
  id: 'p',
  name: 'P',
  version: 3,
  updatedAt: 0,
  updatedBy: 'a',
  layouts: {
    'wall-1': { columns: 2, rows: 1, tiles: [tile('map', 'map'), tile('gdp', 'kpi')] },
    'wall-2': { columns: 1, rows: 1, tiles: [tile('map', 'map')] },
  },
});

describe('scene layouts', () => {
  it('gives the focused tiles of the named surface their focus and leaves the rest and the preset as they were', () => {
    const scene = Scene.parse({
      id: 's',
      title: 'S',
      presetId: 'p',
      focus: [
        { kind: 'map', surfaceId: 'wall-1', tileId: 'map', provinces: ['01', '79'] },
        { kind: 'kpi', surfaceId: 'wall-1', tileId: 'gdp' },
        { kind: 'kpi', surfaceId: 'wall-9', tileId: 'gone' },
      ],
    });
    const layouts = sceneLayouts(preset, scene);
    expect(layouts['wall-1']?.tiles.map((t) => t.focus)).toEqual([
      { kind: 'map', provinces: ['01', '79'] },
      { kind: 'kpi' },
    ]);
    expect(layouts['wall-2']).toBe(preset.layouts['wall-2']);
    expect(Object.keys(layouts)).toEqual(['wall-1', 'wall-2']);
    expect(preset.layouts['wall-1']?.tiles[0]?.focus).toBeUndefined();
  });
});
