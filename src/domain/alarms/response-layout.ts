// What zoom-map and camera responses do to a surface's layout: the map tiles they name zoom on the alarm's
// province, the video tile they name plays the alarm's camera (the one the rule names, else the first camera of
// the alarm's province). Applied by the host over whatever the surface shows, in the responses' order (most
// urgent first): a tile already focused by an earlier response or a briefing's scene is left as it is. Pure.
import type { SurfaceLayout, Tile } from '../../contract/wall.js';
import type { ActiveResponse } from './response-schema.js';

/** The camera nearest an alarm's province (the host knows the site's list); undefined: none. */
export type CameraFor = (province: string | null) => string | undefined;

function respond(tile: Tile, { response, province }: ActiveResponse, cameraFor: CameraFor): Tile | null {
  if (response.kind === 'zoom-map') {
    if (tile.kind !== 'map' || (response.tileId !== undefined && response.tileId !== tile.id)) return null;
    return province === null ? null : { ...tile, focus: { kind: 'map', provinces: [province] } };
  }
  if (response.kind === 'camera') {
    if (tile.kind !== 'video' || response.tileId !== tile.id) return null;
    const camera = response.cameraId ?? cameraFor(province);
    return camera === undefined ? null : { ...tile, settings: { ...tile.settings, camera } };
  }
  return null;
}

export function respondOnLayout(
  layout: SurfaceLayout,
  active: readonly ActiveResponse[],
  cameraFor: CameraFor,
): SurfaceLayout {
  const answering = active.filter((a) => a.response.kind === 'zoom-map' || a.response.kind === 'camera');
  if (answering.length === 0) return layout;
  let changed = false;
  const tiles = layout.tiles.map((tile) => {
    if (tile.focus) return tile;
    for (const a of answering) {
      const next = respond(tile, a, cameraFor);
      if (next) {
        changed = true;
        return next;
      }
    }
    return tile;
  });
  return changed ? { ...layout, tiles } : layout;
}
