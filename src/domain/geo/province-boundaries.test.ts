import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../provinces.js';
import { NamedAreas } from './geojson-schema.js';
import { boundsOf, largestPartCentre, parseProvinceBoundaries } from './province-boundaries.js';

const GEODATA = join(import.meta.dirname, '../../../assets/geodata');
const read = (file: string): unknown => JSON.parse(readFileSync(join(GEODATA, file), 'utf8'));

const square = (x: number, y: number, size: number): [number, number][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

function siteFile(overrides: (features: object[]) => object[] = (f) => f): object {
  const features = PROVINCES.map((p, i) => ({
    type: 'Feature',
    properties: { code: p.code, name: `Tỉnh ${p.name}` },
    geometry: { type: 'Polygon', coordinates: [square(102 + i * 0.3, 10, 0.2)] },
  }));
  return { type: 'FeatureCollection', features: overrides(features) };
}

describe('parseProvinceBoundaries', () => {
  it.each(['optional_cc-by-sa/vn_provinces_34_odv.geojson', 'vn_provinces_34.geojson'])(
    'reads the shipped %s: 34 provinces under our codes and names, islands included',
    (file) => {
      const result = parseProvinceBoundaries(read(file));
      if (!result.ok) throw new Error(result.error);
      expect(result.provinces.map((p) => p.code)).toEqual(PROVINCES.map((p) => p.code));
      expect(result.provinces.map((p) => p.name)).toEqual(PROVINCES.map((p) => p.name));
      const [w, s, e, n] = boundsOf(result.provinces);
      // Trường Sa reaches past 115° E and below 10° N; Hà Giang’s northern tip is above 23° N.
      expect(e).toBeGreaterThan(115);
      expect(s).toBeLessThan(9);
      expect(n).toBeGreaterThan(23);
      expect(w).toBeLessThan(103);
      // Đà Nẵng holds Hoàng Sa: some part of it lies beyond 111° E.
      const daNang = result.provinces.find((p) => p.code === '48');
      expect(daNang?.polygons.some((poly) => (poly[0]?.[0]?.[0] ?? 0) > 111)).toBe(true);
    },
  );

  it('reads a site file: names normalised, split provinces merged, labels computed when absent', () => {
    const result = parseProvinceBoundaries(
      siteFile((f) => [
        ...f,
        {
          type: 'Feature',
          properties: { code: '56', name: 'Trường Sa' },
          geometry: { type: 'Polygon', coordinates: [square(114, 10, 0.05)] },
        },
      ]),
    );
    if (!result.ok) throw new Error(result.error);
    const khanhHoa = result.provinces.find((p) => p.code === '56');
    expect(khanhHoa?.name).toBe('Khánh Hòa');
    expect(khanhHoa?.fileName).toBe('Tỉnh Khánh Hòa');
    expect(khanhHoa?.polygons).toHaveLength(2);
    // The label sits in the middle of the mainland part, not between it and the islands.
    const [x, y] = khanhHoa?.label ?? [0, 0];
    expect(y).toBeCloseTo(10.1, 6);
    expect(x).toBeCloseTo(102 + 23 * 0.3 + 0.1, 6);
  });

  it('names what is wrong with a bad file', () => {
    const bad = (file: unknown): string => {
      const r = parseProvinceBoundaries(file);
      return r.ok ? '' : r.error;
    };
    expect(bad({ type: 'Topology' })).toMatch(/type/);
    expect(bad(siteFile((f) => f.slice(1)))).toMatch(/no feature for province codes 01/);
    expect(bad(siteFile((f) => [{ ...f[0], properties: { code: '02', name: 'Hà Giang' } }, ...f.slice(1)]))).toMatch(
      /features\.0\.properties\.code: code is not one of the 34/,
    );
    expect(bad(siteFile((f) => [{ ...f[0], properties: { code: 1, name: 'x' } }, ...f.slice(1)]))).toMatch(/code/);
    expect(bad(siteFile((f) => [{ ...f[0], properties: { code: '01' } }, ...f.slice(1)]))).toMatch(/name/);
    expect(
      bad(siteFile((f) => [{ ...f[0], geometry: { type: 'Point', coordinates: [105, 21] } }, ...f.slice(1)])),
    ).toMatch(/geometry/);
  });

  it('reports only the first few of many issues', () => {
    const error = parseProvinceBoundaries(siteFile((f) => f.map((x) => ({ ...x, geometry: null }))));
    expect(error.ok).toBe(false);
    if (!error.ok) {
      expect(error.error.split('\n')).toHaveLength(6);
      expect(error.error).toMatch(/… 29 more/);
    }
  });
});

describe('basemap files', () => {
  it('reads the archipelagos and the neighbouring countries', () => {
    const islands = NamedAreas.parse(read('vn_archipelagos.geojson'));
    expect(islands.features.map((f) => f.properties.name)).toEqual(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']);
    const countries = NamedAreas.parse(read('context_countries_asia_10m.geojson'));
    expect(countries.features.map((f) => f.properties.name)).toEqual(
      expect.arrayContaining(['China', 'Laos', 'Cambodia', 'Thailand']),
    );
  });

  it('computes a centre for a part with no label point', () => {
    expect(largestPartCentre([[square(0, 0, 2)], [square(10, 10, 1)]])).toEqual([1, 1]);
  });
});
