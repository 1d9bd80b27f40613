// Monitors, surfaces and layouts: the shapes the host, the shells and the renderer share.
import { z } from 'zod';
import { PROVINCE_CODES } from '../domain/provinces.js';

export const Rect = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rect = z.infer<typeof Rect>;

export const MonitorId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'monitor id: letters, digits, _ or -');

const Mm = z.number().nonnegative().max(1000);

/** Width of a monitor's frame on each side, in millimetres: what bezel compensation hides content behind. */
const BezelMm = z
  .object({ top: Mm.default(0), right: Mm.default(0), bottom: Mm.default(0), left: Mm.default(0) })
  .strict();

export const Monitor = Rect.extend({
  id: MonitorId,
  name: z.string().min(1).max(120),
  primary: z.boolean().default(false),
  /** Place in the wall's grid; when any monitor lacks it, every place is derived from x and y. */
  row: z.number().int().nonnegative().max(63).optional(),
  col: z.number().int().nonnegative().max(63).optional(),
  bezelMm: BezelMm.optional(),
  /** Size of one (square) pixel in mm; or give `physicalMm`, the size of the visible area. */
  pixelPitchMm: z.number().positive().max(10).optional(),
  physicalMm: z.object({ width: z.number().positive(), height: z.number().positive() }).strict().optional(),
});
export type Monitor = z.infer<typeof Monitor>;

/** A surface of a wall file: one window over one monitor, or one canvas spanning a rectangle of monitors. */
export const WallSurfaceSpec = z
  .object({
    // Lazy: both are declared further down with the surfaces they describe.
    id: z.lazy(() => SurfaceId),
    monitors: z.array(MonitorId).min(1).max(64),
    layout: z.lazy(() => SurfaceLayout).optional(),
  })
  .strict();
export type WallSurfaceSpec = z.infer<typeof WallSurfaceSpec>;

/** A `--wall FILE`: a wall described explicitly instead of discovered from the display server. */
export const WallFile = z
  .object({
    name: z.string().min(1).max(120),
    monitors: z.array(Monitor).min(1).max(64),
    /** Content spanning a seam continues behind the bezels (pixels there are skipped), as if the wall had none. */
    bezelCompensation: z.boolean().default(true),
    /** Spanning surfaces; a monitor named by none gets its own surface. */
    surfaces: z.array(WallSurfaceSpec).max(64).default([]),
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

const ProvinceCode = z.enum(PROVINCE_CODES as [string, ...string[]]);
const EpochMs = z.number().int().nonnegative();

/** A map zoomed on these provinces (one province, or a region as the set of its provinces). */
export const MapFocus = z.object({
  kind: z.literal('map'),
  provinces: z
    .array(ProvinceCode)
    .min(1)
    .max(PROVINCE_CODES.length)
    .refine((p) => new Set(p).size === p.length, { message: 'a province is listed twice' }),
});
/** A chart's time axis from `from` to `to` (epoch ms). */
export const ChartFocus = z.object({ kind: z.literal('chart'), from: EpochMs, to: EpochMs });
/** This KPI highlighted. */
export const KpiFocus = z.object({ kind: z.literal('kpi') });
/** A chart focus (with or without its tile's name) whose range runs forwards. */
export const orderedRange = <T extends z.ZodType<{ from: number; to: number }>>(chart: T): T =>
  chart.refine((c) => c.from < c.to, { message: 'chart range: from must be before to' });

/** What a tile shows during a briefing's scene (src/domain/briefing): set by the host, honoured by the widget. */
export const TileFocusSpec = z.discriminatedUnion('kind', [MapFocus, orderedRange(ChartFocus), KpiFocus]);
export type TileFocusSpec = z.infer<typeof TileFocusSpec>;

export const Tile = z.object({
  id: z.string().min(1).max(64),
  kind: z.string().min(1).max(64),
  /** Grid cell of the top-left corner and size in cells. */
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Only during a briefing's scene; never part of a saved preset. */
  focus: TileFocusSpec.optional(),
});
export type Tile = z.infer<typeof Tile>;

export const SurfaceLayout = z.object({
  columns: z.number().int().min(1).max(48),
  rows: z.number().int().min(1).max(48),
  tiles: z.array(Tile).max(200),
  /** The band for unacknowledged Khẩn cấp and escalated alarms across this surface; absent: shown. */
  alarmBanner: z.boolean().optional(),
});
export type SurfaceLayout = z.infer<typeof SurfaceLayout>;

/** Where one monitor's pixels sit in a spanning surface's virtual canvas (bezel gaps included). */
export const CanvasViewport = Rect.extend({
  monitorId: MonitorId,
  /** Top-left of this monitor inside the surface's window, in px. */
  windowX: z.number().int(),
  windowY: z.number().int(),
});
export type CanvasViewport = z.infer<typeof CanvasViewport>;

/** The virtual canvas of a surface spanning several monitors; the layout's grid covers all of it. */
export const SurfaceCanvas = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bezelCompensation: z.boolean(),
  viewports: z.array(CanvasViewport).min(1),
});
export type SurfaceCanvas = z.infer<typeof SurfaceCanvas>;

export const Surface = z.object({
  id: SurfaceId,
  /** The monitor it is shown on now (top-left one when it covers several). */
  monitorId: MonitorId,
  bounds: Rect,
  layout: SurfaceLayout,
  /** Its own monitor(s) (several: spanning); it differs from `monitorIds` while consolidated. Default: `monitorId`. */
  homeMonitorIds: z.array(MonitorId).optional(),
  /** Monitors its window covers now. Default: `[monitorId]`. */
  monitorIds: z.array(MonitorId).optional(),
  /** Moved, shrunk or sharing its monitor because a monitor is missing (docs/wall-model.md). */
  consolidated: z.boolean().optional(),
  /** Present when it spans several monitors. */
  canvas: SurfaceCanvas.optional(),
});
export type Surface = z.infer<typeof Surface>;
