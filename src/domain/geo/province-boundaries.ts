// Province boundary files: the shipped ones (Open Development Vietnam, Natural Earth) and any official file a
// site supplies. Whatever the file calls a province, the map keys it by our code and names it from
// src/domain/provinces.ts, so every layer, legend and table agrees with the data.
import { z } from 'zod';
import { PROVINCES, PROVINCE_CODES, provinceByCode } from '../provinces.js';
import { AreaGeometry, polygonsOf, type Position } from './geojson-schema.js';

const ProvinceFeature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({
    code: z
      .string()
      .regex(/^\d{2}$/, 'code must be the 2-digit province code, e.g. "01"')
      .refine((code) => PROVINCE_CODES.includes(code), {
        message: 'code is not one of the 34 province codes in force since 1 July 2025',
      }),
    name: z.string().min(1),
    label_lon: z.number().min(-180).max(180).optional(),
    label_lat: z.number().min(-90).max(90).optional(),
  }),
  geometry: AreaGeometry,
});

const ProvinceBoundaryFile = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(ProvinceFeature).min(1) })
  .superRefine((file, ctx) => {
    const present = new Set(file.features.map((f) => f.properties.code));
    const missing = PROVINCE_CODES.filter((code) => !present.has(code));
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['features'],
        message: `no feature for province codes ${missing.join(', ')}`,
      });
    }
  });

export interface ProvinceShape {
  readonly code: string;
  /** Our Vietnamese name (with diacritics), whatever the file says. */
  readonly name: string;
  readonly nameEn: string;
  /** The name the file gave, kept for diagnostics. */
  readonly fileName: string;
  /** Every polygon of the province (a site file may split a province over several features). */
  readonly polygons: Position[][][];
  /** Where its label goes: the file's label point when it has one, else the centre of its largest part. */
  readonly label: readonly [number, number];
}

export type BoundaryParse = { ok: true; provinces: ProvinceShape[] } | { ok: false; error: string };

const MAX_ISSUES = 5;

/** Checks a parsed JSON document and turns it into one shape per province, in the order of PROVINCES. */
export function parseProvinceBoundaries(json: unknown): BoundaryParse {
  const parsed = ProvinceBoundaryFile.safeParse(json);
  if (!parsed.success) {
    // A broken file of 34 provinces can produce thousands of issues; the first few say what is wrong.
    const issues = parsed.error.issues;
    const shown = issues.slice(0, MAX_ISSUES).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    if (issues.length > MAX_ISSUES) shown.push(`… ${issues.length - MAX_ISSUES} more`);
    return { ok: false, error: shown.join('\n') };
  }
  const byCode = new Map<string, { fileName: string; polygons: Position[][][]; label: [number, number] | null }>();
  for (const feature of parsed.data.features) {
    const { code, name, label_lon, label_lat } = feature.properties;
    const held = byCode.get(code) ?? { fileName: name, polygons: [], label: null };
    held.polygons.push(...polygonsOf(feature.geometry));
    if (!held.label && label_lon !== undefined && label_lat !== undefined) held.label = [label_lon, label_lat];
    byCode.set(code, held);
  }
  const provinces = PROVINCES.map((province) => {
    const held = byCode.get(province.code);
    if (!held) throw new Error(`unreachable: ${province.code} checked present`);
    return {
      code: province.code,
      name: provinceByCode(province.code)?.name ?? held.fileName,
      nameEn: province.nameEn,
      fileName: held.fileName,
      polygons: held.polygons,
      label: held.label ?? largestPartCentre(held.polygons),
    };
  });
  return { ok: true, provinces };
}

/** Signed area of a ring in square degrees (shoelace): only compared between parts of one province. */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j] as Position;
    const [x2, y2] = ring[i] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Area-weighted centroid of the outer ring of the largest part. Can fall outside a very concave part. */
export function largestPartCentre(polygons: readonly Position[][][]): [number, number] {
  let best: readonly Position[] | null = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer) continue;
    const area = Math.abs(ringArea(outer));
    if (area > bestArea) [best, bestArea] = [outer, area];
  }
  if (!best || best.length === 0) return [0, 0];
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const [x1, y1] = best[j] as Position;
    const [x2, y2] = best[i] as Position;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
    a += f;
  }
  if (a === 0) return [(best[0] as Position)[0], (best[0] as Position)[1]];
  return [cx / (3 * a), cy / (3 * a)];
}

/** [west, south, east, north] of all provinces: what the map fits into its tile. */
export function boundsOf(provinces: readonly ProvinceShape[]): [number, number, number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const p of provinces) {
    for (const polygon of p.polygons) {
      for (const [x, y] of polygon[0] ?? []) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
  }
  return [w, s, e, n];
}
