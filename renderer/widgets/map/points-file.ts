// A site's points file (`pointsUrl`): many points in columns, checked in one pass and kept as typed arrays that
// deck.gl draws directly (binary attributes), so a million points cost a few arrays, not a million objects.
//
//   { "lon": [105.85, …], "lat": [21.03, …],                      required, numbers, same length
//     "value": [12.5, …],                                         optional, finite ≥ 0 (heat weight, dot size)
//     "kind": ["camera", …] or "camera",                          optional, project | camera | other (default other)
//     "label": ["Cầu Rồng", null, …] }                            optional, text ≤ 200 characters or null
//
// zod would build and check a million objects; this checks arrays, lengths and ranges in one loop and names the
// first bad entry (`lat[1234] = 95: …`).
import type { MapPoint } from './map-settings';

export const POINT_KINDS = ['project', 'camera', 'other'] as const satisfies readonly MapPoint['kind'][];

/** Most points a file may hold: beyond this a wall PC's memory and software WebGL are both exceeded. */
const MAX_FILE_POINTS = 2_000_000;

export interface PointColumns {
  readonly count: number;
  /** lon, lat interleaved. */
  readonly positions: Float32Array;
  /** null when the file has no values (every point weighs 1). */
  readonly values: Float32Array | null;
  /** Index into POINT_KINDS per point. */
  readonly kinds: Uint8Array;
  /** null when the file has no labels. */
  readonly labels: readonly (string | null)[] | null;
  /** Largest value, at least 1: dot sizes are relative to it. */
  readonly maxValue: number;
}

export type ParsedPoints = { ok: true; points: PointColumns } | { ok: false; error: string };

const EMPTY: PointColumns = {
  count: 0,
  positions: new Float32Array(0),
  values: null,
  kinds: new Uint8Array(0),
  labels: null,
  maxValue: 1,
};

export const NO_POINTS = EMPTY;

const KIND_INDEX = new Map<unknown, number>(POINT_KINDS.map((k, i) => [k, i]));
const shown = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(v));

/** Checks a parsed points file and turns it into columns; the error names the first bad field or entry. */
export function parsePointColumns(json: unknown, maxPoints = MAX_FILE_POINTS): ParsedPoints {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'expected an object with "lon" and "lat" arrays' };
  }
  const file = json as Record<string, unknown>;
  const { lon, lat, value, kind, label } = file;
  if (!Array.isArray(lon)) return { ok: false, error: '"lon" must be an array of numbers' };
  if (!Array.isArray(lat)) return { ok: false, error: '"lat" must be an array of numbers' };
  const n = lon.length;
  if (n > maxPoints) return { ok: false, error: `${n} points: at most ${maxPoints} in one file` };
  const lengthError = (name: string, a: unknown[]): string | null =>
    a.length === n ? null : `"${name}" has ${a.length} entries, "lon" has ${n}: every column needs one per point`;
  const check = [
    lengthError('lat', lat),
    value !== undefined && !Array.isArray(value) ? '"value" must be an array of numbers' : null,
    Array.isArray(value) ? lengthError('value', value) : null,
    kind !== undefined && !Array.isArray(kind) && !KIND_INDEX.has(kind)
      ? `"kind" must be one of ${POINT_KINDS.join(', ')} or an array of them`
      : null,
    Array.isArray(kind) ? lengthError('kind', kind) : null,
    label !== undefined && !Array.isArray(label) ? '"label" must be an array of texts (or null)' : null,
    Array.isArray(label) ? lengthError('label', label) : null,
  ].find((e) => e !== null);
  if (check) return { ok: false, error: check };
  const unknownField = Object.keys(file).find((k) => !['lon', 'lat', 'value', 'kind', 'label'].includes(k));
  if (unknownField) {
    return { ok: false, error: `unknown field "${unknownField}" (expected lon, lat, value, kind, label)` };
  }

  const positions = new Float32Array(n * 2);
  const values = Array.isArray(value) ? new Float32Array(n) : null;
  const kinds = new Uint8Array(n).fill(KIND_INDEX.get(Array.isArray(kind) ? 'other' : (kind ?? 'other')) ?? 2);
  const kindArray = Array.isArray(kind) ? (kind as unknown[]) : null;
  const valueArray = values ? (value as unknown[]) : null;
  const labelArray = Array.isArray(label) ? (label as unknown[]) : null;
  let maxValue = 0;
  for (let i = 0; i < n; i++) {
    const x: unknown = lon[i];
    const y: unknown = lat[i];
    // typeof + range in one comparison each: NaN and Infinity fail the range test.
    if (typeof x !== 'number' || !(x >= -180 && x <= 180)) {
      return { ok: false, error: `lon[${i}] = ${shown(x)}: must be a number within -180…180` };
    }
    if (typeof y !== 'number' || !(y >= -90 && y <= 90)) {
      return { ok: false, error: `lat[${i}] = ${shown(y)}: must be a number within -90…90` };
    }
    positions[2 * i] = x;
    positions[2 * i + 1] = y;
    if (valueArray && values) {
      const v: unknown = valueArray[i];
      if (typeof v !== 'number' || !(v >= 0 && v < Infinity)) {
        return { ok: false, error: `value[${i}] = ${shown(v)}: must be a finite number ≥ 0` };
      }
      values[i] = v;
      if (v > maxValue) maxValue = v;
    }
    if (kindArray) {
      const k = KIND_INDEX.get(kindArray[i]);
      if (k === undefined) {
        return { ok: false, error: `kind[${i}] = ${shown(kindArray[i])}: must be one of ${POINT_KINDS.join(', ')}` };
      }
      kinds[i] = k;
    }
    if (labelArray) {
      const l: unknown = labelArray[i];
      if (l !== null && (typeof l !== 'string' || l.length > 200)) {
        return { ok: false, error: `label[${i}] = ${shown(l)}: must be a text of at most 200 characters, or null` };
      }
    }
  }
  return {
    ok: true,
    points: {
      count: n,
      positions,
      values,
      kinds,
      labels: labelArray as (string | null)[] | null,
      maxValue: Math.max(maxValue, 1),
    },
  };
}

/** The points of a tile's settings (already checked by zod) as columns. */
export function columnsOfPoints(points: readonly MapPoint[]): PointColumns {
  if (points.length === 0) return EMPTY;
  const n = points.length;
  const positions = new Float32Array(n * 2);
  const hasValues = points.some((p) => p.value !== undefined);
  const values = hasValues ? new Float32Array(n) : null;
  const kinds = new Uint8Array(n);
  const hasLabels = points.some((p) => p.label !== undefined);
  const labels = hasLabels ? points.map((p) => p.label ?? null) : null;
  let maxValue = 0;
  points.forEach((p, i) => {
    positions[2 * i] = p.lon;
    positions[2 * i + 1] = p.lat;
    if (values) {
      values[i] = p.value ?? 1;
      maxValue = Math.max(maxValue, p.value ?? 1);
    }
    kinds[i] = KIND_INDEX.get(p.kind) ?? 2;
  });
  return { count: n, positions, values, kinds, labels, maxValue: Math.max(maxValue, 1) };
}

/** Two sets of points as one (the tile's own, then the file's). */
export function concatPoints(a: PointColumns, b: PointColumns): PointColumns {
  if (b.count === 0) return a;
  if (a.count === 0) return b;
  const count = a.count + b.count;
  const positions = new Float32Array(count * 2);
  positions.set(a.positions);
  positions.set(b.positions, a.count * 2);
  const kinds = new Uint8Array(count);
  kinds.set(a.kinds);
  kinds.set(b.kinds, a.count);
  let values: Float32Array | null = null;
  if (a.values || b.values) {
    values = new Float32Array(count).fill(1);
    if (a.values) values.set(a.values);
    if (b.values) values.set(b.values, a.count);
  }
  const labels =
    a.labels || b.labels
      ? [...(a.labels ?? new Array<null>(a.count).fill(null)), ...(b.labels ?? new Array<null>(b.count).fill(null))]
      : null;
  return { count, positions, values, kinds, labels, maxValue: Math.max(a.maxValue, b.maxValue) };
}

/** Point `i` as the settings would give it: for the hover box. */
export function pointAt(points: PointColumns, i: number): MapPoint | null {
  if (!(i >= 0 && i < points.count)) return null;
  const label = points.labels?.[i];
  return {
    lon: points.positions[2 * i] ?? 0,
    lat: points.positions[2 * i + 1] ?? 0,
    kind: POINT_KINDS[points.kinds[i] ?? 2] ?? 'other',
    ...(points.values ? { value: points.values[i] } : {}),
    ...(label ? { label } : {}),
  };
}
