// Cameras as the pages see them: what a tile plays and where the map draws it. The host reads the site's camera
// list (`--cameras FILE`); an RTSP camera reaches the pages only as the host's HLS relay, so its URL (which often
// carries a password) never leaves the host.
import { z } from 'zod';
import { ProvinceCode } from './topics.js';

export const CameraId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, - and _ (1–64)');
export type CameraId = z.infer<typeof CameraId>;

export const CameraView = z.object({
  id: CameraId,
  name: z.string().min(1).max(120),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  province: ProvinceCode.optional(),
  sensitive: z.boolean(),
  /**
   * What a tile plays: HLS (an RTSP camera through the host's relay, or the camera's own HLS) or WHEP; null while
   * privacy mode hides a sensitive camera.
   */
  play: z.object({ kind: z.enum(['hls', 'whep']), url: z.string().min(1).max(2048) }).nullable(),
});
export type CameraView = z.infer<typeof CameraView>;

/** A page tells the host every camera it shows now (the whole set each time): the host relays only those. */
export const ShowCamerasRequest = z.object({ ids: z.array(CameraId).max(256) });
