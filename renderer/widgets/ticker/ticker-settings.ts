// Settings of a ticker: the line scrolls either the latest alerts of ops.alerts or a fixed list of messages.
import { z } from 'zod';

export const TickerSettings = z
  .object({
    source: z.enum(['alerts', 'static']).default('alerts'),
    /** The messages of a static ticker, in order. */
    items: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
    /** Most alerts shown (newest first). */
    limit: z.number().int().min(1).max(30).default(10),
    /** Scrolling speed in pixels per second: about 120 reads comfortably on a 1080p monitor. */
    speed: z.number().min(20).max(600).default(120),
  })
  .refine((s) => s.source !== 'static' || s.items.length > 0, {
    message: 'a static ticker needs at least one item',
    path: ['items'],
  });
export type TickerSettings = z.infer<typeof TickerSettings>;
