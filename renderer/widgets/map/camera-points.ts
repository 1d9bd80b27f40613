// The site's cameras as map points (kind `camera`, labelled with their name). A camera known only by its province
// has no point of its own and is left out.
import type { CameraView } from '../../../src/contract/cameras.js';
import type { MapPoint } from './map-settings';

export function cameraPoints(cameras: readonly CameraView[]): MapPoint[] {
  return cameras.flatMap((c) =>
    c.lat === undefined || c.lon === undefined ? [] : [{ lon: c.lon, lat: c.lat, label: c.name, kind: 'camera' }],
  );
}
