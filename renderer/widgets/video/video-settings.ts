// Settings of a video tile: what to play, from where, and what to call it on the wall.
import { z } from 'zod';
import { CameraId } from '../../../src/contract/cameras.js';

/** Media shipped in the bundle (assets/demo-media/), named by `bundled:<name>` in a tile's url. */
export const BUNDLED_PREFIX = 'bundled:';

/**
 * An http(s) URL (a camera, a VMS, a media server on the operations network; the host's --media-origin must
 * allow its origin), a path on this host, or `bundled:<name>`. Other schemes (javascript:, file:) are refused.
 */
const StreamUrl = z
  .string()
  .min(1)
  .max(2048)
  .refine(
    (url) =>
      url.startsWith(BUNDLED_PREFIX) || (url.startsWith('/') && !url.startsWith('//')) || /^https?:\/\/[^/]/i.test(url),
    { message: 'an http(s) URL, a path starting with "/", or bundled:<name>' },
  );

/** A poster image: a path on this host, a data: image, or an http(s) URL. */
const PosterUrl = z
  .string()
  .max(200_000)
  .refine((url) => /^(data:image\/|\/(?!\/)|https?:\/\/)/i.test(url), {
    message: 'a path starting with "/", a data:image/ URL or an http(s) URL',
  });

export const VideoSettings = z
  .object({
    /** Shown over the picture, large: the camera or the conference (a camera's own name when not given). */
    name: z.string().trim().min(1).max(80).optional(),
    /** A camera of the site's list (`--cameras`) by id: the host says how to play it (an RTSP one through its relay). */
    camera: CameraId.optional(),
    /** hls: .m3u8 through hls.js; whep: WebRTC via a WHEP endpoint; mjpeg: multipart JPEG; file: a plain file. */
    source: z.enum(['hls', 'whep', 'mjpeg', 'file']).optional(),
    url: StreamUrl.optional(),
    /** Shown when the tile is beyond the surface's decode budget (else a still grabbed before pausing). */
    poster: PosterUrl.optional(),
    fit: z.enum(['contain', 'cover']).default('contain'),
    /** Seconds without a new frame before the source counts as lost. */
    stallSeconds: z.number().min(2).max(60).default(6),
  })
  .superRefine((s, ctx) => {
    if (s.camera !== undefined) return;
    for (const field of ['name', 'source', 'url'] as const) {
      if (s[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is needed without a camera` });
    }
  });
export type VideoSettings = z.infer<typeof VideoSettings>;
