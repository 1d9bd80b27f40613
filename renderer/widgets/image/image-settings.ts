// Settings of an image tile. The page's CSP loads images only from this host and data: URLs, so those are the
// URLs accepted; anything else would fail anyway, and failing here says why.
import { z } from 'zod';

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml|avif)[;,]/i;

const ImageUrl = z
  .string()
  .min(1)
  .max(2_000_000)
  .refine((url) => DATA_IMAGE.test(url) || (url.startsWith('/') && !url.startsWith('//')), {
    message: 'a path on this host starting with "/" or a data:image/ URL',
  });

export const ImageSettings = z.object({
  url: ImageUrl,
  /** object-fit: contain shows all of it, cover fills the tile, fill stretches, none keeps its pixel size. */
  fit: z.enum(['contain', 'cover', 'fill', 'none']).default('contain'),
  /** What the image shows, for screen readers and when it cannot be drawn. */
  alt: z.string().max(300).default(''),
  title: z.string().trim().max(200).optional(),
});
export type ImageSettings = z.infer<typeof ImageSettings>;
