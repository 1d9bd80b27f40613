// Settings of a text tile: a title and plain paragraphs, shown as typed (no markdown, no HTML).
import { z } from 'zod';

export const TextSettings = z
  .object({
    title: z.string().trim().max(200).optional(),
    paragraphs: z.array(z.string().trim().min(1).max(2000)).max(20).default([]),
    /** Type size: `large` reads from five metres in a tile of a quarter of a 1080p monitor. */
    size: z.enum(['normal', 'large', 'huge']).default('large'),
    align: z.enum(['start', 'center']).default('start'),
  })
  .refine((s) => Boolean(s.title) || s.paragraphs.length > 0, {
    message: 'a text tile needs a title or at least one paragraph',
    path: ['paragraphs'],
  });
export type TextSettings = z.infer<typeof TextSettings>;
