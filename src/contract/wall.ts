// Monitors, surfaces and layouts: the shapes the host, the shells and the renderer share.
import { z } from 'zod';

export const Rect = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rect = z.infer<typeof Rect>;

export const MonitorId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'monitor id: letters, digits, _ or -');

export const Monitor = Rect.extend({
  id: MonitorId,
  name: z.string().min(1).max(120),
  primary: z.boolean().default(false),
});
export type Monitor = z.infer<typeof Monitor>;

/** A `--wall FILE`: a wall described explicitly instead of discovered from the display server. */
export const WallFile = z
  .object({
    name: z.string().min(1).max(120),
    monitors: z.array(Monitor).min(1).max(64),
  })
  .strict()
  .superRefine((wall, ctx) => {
    const seen = new Set<string>();
    wall.monitors.forEach((m, i) => {
      if (seen.has(m.id))
        ctx.addIssue({ code: 'custom', path: ['monitors', i, 'id'], message: `duplicate id "${m.id}"` });
      seen.add(m.id);
    });
  });
export type WallFile = z.infer<typeof WallFile>;

export const WindowState = z.enum(['none', 'starting', 'open', 'exited', 'crashed']);
export type WindowState = z.infer<typeof WindowState>;

export const SurfaceId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'surface id: lower-case letters, digits or -');

export const Tile = z.object({
  id: z.string().min(1).max(64),
  kind: z.string().min(1).max(64),
  /** Grid cell of the top-left corner and size in cells. */
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type Tile = z.infer<typeof Tile>;

export const SurfaceLayout = z.object({
  columns: z.number().int().min(1).max(48),
  rows: z.number().int().min(1).max(48),
  tiles: z.array(Tile).max(200),
});
export type SurfaceLayout = z.infer<typeof SurfaceLayout>;

export const Surface = z.object({
  id: SurfaceId,
  monitorId: MonitorId,
  bounds: Rect,
  layout: SurfaceLayout,
});
export type Surface = z.infer<typeof Surface>;
