// Which provinces a warning's area touches: a polygon or circle (in longitude/latitude) against the province
// boundaries. Each province's parts carry their bounding box so most provinces are ruled out by four comparisons;
// the rest are tested exactly — a vertex of one inside the other, or two edges crossing.
import type { Position } from './geojson-schema.js';
import type { ProvinceShape } from './province-boundaries.js';

export type LonLat = readonly [number, number];
type Box = readonly [number, number, number, number];

interface Part {
  code: string;
  outer: readonly Position[];
  holes: readonly (readonly Position[])[];
  box: Box;
}

export interface ProvinceIndex {
  readonly parts: readonly Part[];
}

function boxOf(ring: readonly (readonly number[])[]): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

const overlaps = (a: Box, b: Box): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export function provinceIndex(provinces: readonly ProvinceShape[]): ProvinceIndex {
  const parts: Part[] = [];
  for (const p of provinces) {
    for (const [outer, ...holes] of p.polygons) {
      if (outer) parts.push({ code: p.code, outer, holes, box: boxOf(outer) });
    }
  }
  return { parts };
}

/** Even-odd ray casting. */
function inRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPart = (x: number, y: number, part: Part): boolean =>
  inRing(x, y, part.outer) && !part.holes.some((hole) => inRing(x, y, hole));

function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function edgesCross(a: readonly (readonly number[])[], b: readonly (readonly number[])[], box: Box): boolean {
  for (let i = 1; i < a.length; i++) {
    const [ax = 0, ay = 0] = a[i - 1]!;
    const [bx = 0, by = 0] = a[i]!;
    if (
      Math.max(ax, bx) < box[0] ||
      Math.min(ax, bx) > box[2] ||
      Math.max(ay, by) < box[1] ||
      Math.min(ay, by) > box[3]
    ) {
      continue;
    }
    for (let j = 1; j < b.length; j++) {
      const [cx = 0, cy = 0] = b[j - 1]!;
      const [dx = 0, dy = 0] = b[j]!;
      const d1 = cross(cx, cy, dx, dy, ax, ay);
      const d2 = cross(cx, cy, dx, dy, bx, by);
      const d3 = cross(ax, ay, bx, by, cx, cy);
      const d4 = cross(ax, ay, bx, by, dx, dy);
      if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    }
  }
  return false;
}

/** Codes of the provinces a ring of [lon, lat] overlaps, in the order of the index. */
export function provincesOfPolygon(ring: readonly LonLat[], index: ProvinceIndex): string[] {
  const box = boxOf(ring);
  const found = new Set<string>();
  for (const part of index.parts) {
    if (found.has(part.code) || !overlaps(box, part.box)) continue;
    const touches =
      ring.some(([x, y]) => inPart(x, y, part)) ||
      part.outer.some(([x, y]) => inRing(x, y, ring)) ||
      edgesCross(ring, part.outer, part.box);
    if (touches) found.add(part.code);
  }
  return [...found];
}

const KM_PER_DEGREE = 111.32;

/** Distance in km from (x, y) to the segment a–b, on a plane tangent at the point (fine at a province's scale). */
function kmToSegment(x: number, y: number, a: readonly number[], b: readonly number[], kx: number): number {
  const ax = ((a[0] ?? 0) - x) * kx;
  const ay = ((a[1] ?? 0) - y) * KM_PER_DEGREE;
  const bx = ((b[0] ?? 0) - x) * kx;
  const by = ((b[1] ?? 0) - y) * KM_PER_DEGREE;
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Codes of the provinces a circle (centre [lon, lat], radius in km) overlaps. */
export function provincesOfCircle(centre: LonLat, radiusKm: number, index: ProvinceIndex): string[] {
  const [x, y] = centre;
  const kx = KM_PER_DEGREE * Math.cos((y * Math.PI) / 180);
  const dLat = radiusKm / KM_PER_DEGREE;
  const dLon = radiusKm / Math.max(kx, 1e-6);
  const box: Box = [x - dLon, y - dLat, x + dLon, y + dLat];
  const found = new Set<string>();
  for (const part of index.parts) {
    if (found.has(part.code) || !overlaps(box, part.box)) continue;
    let touches = inPart(x, y, part);
    for (let i = 1; !touches && i < part.outer.length; i++) {
      touches = kmToSegment(x, y, part.outer[i - 1]!, part.outer[i]!, kx) <= radiusKm;
    }
    if (touches) found.add(part.code);
  }
  return [...found];
}
