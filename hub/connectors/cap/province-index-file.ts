// The province boundaries the CAP connector maps areas onto: the shipped 34-province file, or a site's own.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProvinceIndex, provinceIndex } from '../../../src/domain/geo/area-provinces.js';
import { parseProvinceBoundaries } from '../../../src/domain/geo/province-boundaries.js';

const SHIPPED = join('assets', 'geodata', 'vn_provinces_34.geojson');

/** The shipped file, found upwards from this module (it runs from source in tests and from dist/ installed). */
function shippedBoundariesFile(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = resolve(dir, '..')) {
    if (existsSync(join(dir, SHIPPED))) return join(dir, SHIPPED);
    if (resolve(dir, '..') === dir) throw new Error(`${SHIPPED} not found`);
  }
}

export function loadProvinceIndex(file: string = shippedBoundariesFile()): ProvinceIndex {
  const parsed = parseProvinceBoundaries(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return provinceIndex(parsed.provinces);
}
