// Fetches and checks the map's geodata. Each file is fetched once per page and shared by every map tile; a
// failed load is forgotten, so the tile's next attempt fetches again.
import type { z } from 'zod';
import { NamedAreas } from '../../../src/domain/geo/geojson-schema.js';
import { parseProvinceBoundaries, type ProvinceShape } from '../../../src/domain/geo/province-boundaries.js';
import { ARCHIPELAGOS_URL, CONTEXT_COUNTRIES_URL, PROVINCE_BOUNDARY_URLS } from './geodata-urls';
import type { MapSettings } from './map-settings';
import { parsePointColumns, type PointColumns } from './points-file';

export interface Basemap {
  readonly provinces: readonly ProvinceShape[];
  readonly archipelagos: z.infer<typeof NamedAreas>;
  readonly countries: z.infer<typeof NamedAreas>;
  /** Which boundaries are drawn, for the credits. */
  readonly source: { kind: 'odv' | 'public-domain' } | { kind: 'site'; url: string };
}

/** A load failure worded for the tile: which file, and what is wrong with it. */
class GeodataError extends Error {
  override readonly name = 'GeodataError';
}

const cache = new Map<string, Promise<unknown>>();
const basemaps = new Map<string, Promise<Basemap>>();

async function fetchJson(url: string, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // The browser gives only "Failed to fetch": name the likely causes (CSP allows the page's own origin only).
    throw new GeodataError(
      `${what}: cannot fetch "${url}" (${error instanceof Error ? error.message : String(error)}); ` +
        'the page may fetch only files served by its own host',
    );
  }
  if (!response.ok) throw new GeodataError(`${what}: "${url}" answered HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new GeodataError(`${what}: "${url}" is not JSON`);
  }
}

/** One load per key for the whole page, shared by every tile; a failed load is forgotten, to be tried again. */
function once<T>(loads: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let pending = loads.get(key);
  if (!pending) {
    pending = load();
    loads.set(key, pending);
    pending.catch(() => loads.delete(key));
  }
  return pending;
}

function cachedJson(url: string, what: string): Promise<unknown> {
  return once(cache, url, () => fetchJson(url, what));
}

async function namedAreas(url: string, what: string): Promise<z.infer<typeof NamedAreas>> {
  const parsed = NamedAreas.safeParse(await cachedJson(url, what));
  if (!parsed.success) throw new GeodataError(`${what}: "${url}" is not a FeatureCollection of named polygons`);
  return parsed.data;
}

/**
 * The basemap of these settings, checked once per page: checking the province boundaries takes a noticeable part of
 * a second, and a preset switch (or the console's mirror of the whole wall) mounts many map tiles at once.
 */
export function loadBasemap(settings: Pick<MapSettings, 'boundaries' | 'boundaryUrl'>): Promise<Basemap> {
  const key = settings.boundaryUrl ? `site:${settings.boundaryUrl}` : settings.boundaries;
  return once(basemaps, key, () => buildBasemap(settings));
}

async function buildBasemap(settings: Pick<MapSettings, 'boundaries' | 'boundaryUrl'>): Promise<Basemap> {
  const url = settings.boundaryUrl ?? PROVINCE_BOUNDARY_URLS[settings.boundaries];
  const what = settings.boundaryUrl ? 'province boundary file of this site' : 'province boundaries';
  const [provinceJson, archipelagos, countries] = await Promise.all([
    cachedJson(url, what),
    namedAreas(ARCHIPELAGOS_URL, 'archipelagos'),
    namedAreas(CONTEXT_COUNTRIES_URL, 'neighbouring countries'),
  ]);
  const provinces = parseProvinceBoundaries(provinceJson);
  if (!provinces.ok) throw new GeodataError(`${what} "${url}" is not valid:\n${provinces.error}`);
  return {
    provinces: provinces.provinces,
    archipelagos,
    countries,
    source: settings.boundaryUrl ? { kind: 'site', url: settings.boundaryUrl } : { kind: settings.boundaries },
  };
}

const pointFiles = new Map<string, Promise<PointColumns>>();

/**
 * A site's points file (`pointsUrl`), fetched and checked once per page and shared by every tile that names it;
 * a failed load is forgotten so the next attempt fetches again. Marks `map:points:*` on the performance timeline
 * (fetched, checked) so the load can be timed in the field and by the benchmark.
 */
export function loadPoints(url: string): Promise<PointColumns> {
  return once(pointFiles, url, async () => {
    const what = 'points file of this site';
    performance.mark('map:points:fetch', { detail: url });
    const json = await fetchJson(url, what);
    performance.mark('map:points:fetched', { detail: url });
    const parsed = parsePointColumns(json);
    performance.mark('map:points:checked', { detail: url });
    if (!parsed.ok) throw new GeodataError(`${what} "${url}" is not valid: ${parsed.error}`);
    return parsed.points;
  });
}
