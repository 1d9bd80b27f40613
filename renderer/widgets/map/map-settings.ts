// Settings of a map tile: which figure colours the provinces, which boundary file draws them, and the optional
// layers (points, heat, arcs). Everything here comes from a wall layout, so it is checked before the tile draws.
import { z } from 'zod';
import { IndicatorId, ProvinceCode } from '../../../src/contract/topics.js';

/**
 * A file the site supplies (boundaries, points): a path under the app (resolved against the page, e.g.
 * "site/provinces.geojson") or an absolute URL. The page's CSP lets it fetch only from its own origin, so an
 * absolute URL must be the host's (or app://); anything else fails with the fetch error shown in the tile.
 */
const SiteFileUrl = z
  .string()
  .min(1)
  .max(500)
  .refine((url) => !/(^|\/)\.\.(\/|$)/.test(url), { message: 'must not climb out of the app with ".."' })
  .refine((url) => /^(https?:\/\/|app:\/\/)/.test(url) || /^[\w\-./]+$/.test(url), {
    message: 'must be a path under the app (letters, digits, - _ . /) or an http(s):// or app:// URL',
  });

const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);

export const MapPoint = z.object({
  lon: Longitude,
  lat: Latitude,
  /** Shown on hover. */
  label: z.string().max(200).optional(),
  /** Weight in the heatmap and relative size of the dot; 1 when absent. */
  value: z.number().finite().nonnegative().optional(),
  kind: z.enum(['project', 'camera', 'other']).default('other'),
});
export type MapPoint = z.infer<typeof MapPoint>;

export const MapArc = z.object({
  /** Where it starts, e.g. the investing country. */
  from: z.object({ lon: Longitude, lat: Latitude, name: z.string().min(1).max(120) }),
  /** The province it goes to: drawn to that province's label point. */
  to: ProvinceCode,
  value: z.number().finite().nonnegative(),
  label: z.string().max(200).optional(),
});
export type MapArc = z.infer<typeof MapArc>;

/** Old statistics keyed by the 63 pre-2025 province codes, joined onto the 34 through the crosswalk. */
export const LegacyFigures = z.object({
  title: z.string().min(1).max(120),
  unit: z.string().max(40).optional(),
  aggregate: z.enum(['sum', 'mean']),
  values: z.record(z.string().regex(/^\d{2}$/, 'keys are 2-digit old province codes'), z.number().finite()),
});
export type LegacyFigures = z.infer<typeof LegacyFigures>;

export const MapSettings = z.object({
  indicator: IndicatorId.default('gdp_growth'),
  /** Open Development Vietnam (accurate, CC BY-SA 4.0) or Natural Earth (public domain, coarser). */
  boundaries: z.enum(['odv', 'public-domain']).default('odv'),
  /** A site's own official boundary file; replaces `boundaries` when set. */
  boundaryUrl: SiteFileUrl.optional(),
  classes: z.number().int().min(2).max(7).default(5),
  classification: z.enum(['quantile', 'equal-interval']).default('quantile'),
  labels: z.enum(['names', 'names-and-values', 'none']).default('names-and-values'),
  legend: z.boolean().default(true),
  legacy: LegacyFigures.optional(),
  points: z.array(MapPoint).max(20_000).default([]),
  /**
   * A site's points file, drawn with `points` (same URL rules as `boundaryUrl`): columns
   * `{ "lon": [...], "lat": [...], "value"?: [...], "kind"?: [...] | "camera", "label"?: [...] }`, up to 2 million
   * points (see points-file.ts). A bad file is reported in the tile; the provinces still draw.
   */
  pointsUrl: SiteFileUrl.optional(),
  /** The site's cameras (`--cameras`) with a position, drawn as camera points. */
  cameras: z.boolean().default(true),
  /** Radius in pixels of the smallest dot; the largest value is drawn 3× as wide. Dense files read better small. */
  pointRadius: z.number().min(0.5).max(12).default(4),
  /** A heatmap of the points, weighted by their value. */
  heatmap: z.boolean().default(false),
  arcs: z.array(MapArc).max(1000).default([]),
  /** Most decimals in labels, legend and table. */
  fractionDigits: z.number().int().min(0).max(4).default(1),
});
export type MapSettings = z.infer<typeof MapSettings>;
