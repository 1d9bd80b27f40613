import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../provinces.js';
import { type LonLat, provinceIndex, provincesOfCircle, provincesOfPolygon } from './area-provinces.js';
import { parseProvinceBoundaries } from './province-boundaries.js';

const file = join(import.meta.dirname, '../../../assets/geodata/vn_provinces_34.geojson');
const parsed = parseProvinceBoundaries(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const index = provinceIndex(parsed.provinces);

const square = (lon: number, lat: number, d: number): LonLat[] => [
  [lon - d, lat - d],
  [lon + d, lat - d],
  [lon + d, lat + d],
  [lon - d, lat + d],
  [lon - d, lat - d],
];

describe('provinces of a warning area', () => {
  it('finds the one province a small polygon lies in', () => {
    expect(provincesOfPolygon(square(108.2, 16.05, 0.02), index)).toEqual(['48']);
  });

  it('finds both provinces of a polygon across their border (Huế and Đà Nẵng)', () => {
    expect(provincesOfPolygon(square(108.0, 16.0, 0.15), index)).toEqual(['46', '48']);
  });

  it('finds every province inside a polygon that holds them all, and none for one at sea', () => {
    expect(provincesOfPolygon(square(106, 16, 10), index)).toEqual([...PROVINCE_CODES]);
    expect(provincesOfPolygon(square(112, 12, 0.5), index)).toEqual([]);
  });

  it('finds the provinces a circle reaches, by its radius in km', () => {
    expect(provincesOfCircle([108.2, 16.05], 1, index)).toEqual(['48']);
    expect(provincesOfCircle([106.7, 10.78], 10, index).sort()).toEqual(['75', '79']);
    expect(provincesOfCircle([112, 12], 50, index)).toEqual([]);
  });
});
