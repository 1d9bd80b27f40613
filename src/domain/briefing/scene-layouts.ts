// What the wall shows during a scene: the layouts of the scene's preset with each focused tile carrying its
// focus (src/contract/wall.ts, Tile.focus), so a surface gets its layout and its focus in one message. The preset
// itself is not changed: ending the briefing gives back whatever the schedule or the override shows.
import type { SurfaceLayout } from '../../contract/wall.js';
import type { PresetPayload } from '../presets/preset-schema.js';
import { focusSpec, type Scene } from './briefing-schema.js';

export function sceneLayouts(preset: PresetPayload, scene: Scene): Record<string, SurfaceLayout> {
  const layouts: Record<string, SurfaceLayout> = {};
  for (const [surfaceId, layout] of Object.entries(preset.layouts)) {
    const focused = scene.focus.filter((f) => f.surfaceId === surfaceId);
    layouts[surfaceId] =
      focused.length === 0
        ? layout
        : {
            ...layout,
            tiles: layout.tiles.map((tile) => {
              const focus = focused.find((f) => f.tileId === tile.id);
              return focus ? { ...tile, focus: focusSpec(focus) } : tile;
            }),
          };
  }
  return layouts;
}
