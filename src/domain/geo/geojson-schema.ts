// The part of GeoJSON (RFC 7946) the map draws: polygons in longitude/latitude. Files are checked against it
// when they arrive, since a site may supply its own boundary file and a bad one must fail with a clear message.
import { z } from 'zod';

/** [longitude, latitude], optionally with an altitude, which is ignored. */
export const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
export type Position = [number, number, ...number[]];

/** A closed ring: at least four positions, the last repeating the first (not checked: renderers close it). */
const Ring = z.array(Position).min(4);

const PolygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(Ring).min(1)).min(1),
});
export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** Polygons of either geometry type, as a list of polygons (each a list of rings). */
export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][];
}

/** A FeatureCollection of named areas (countries, archipelagos) for the basemap. */
export const NamedAreas = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.looseObject({
        name: z.string().min(1),
        label_lon: z.number().optional(),
        label_lat: z.number().optional(),
      }),
      geometry: AreaGeometry,
    }),
  ),
});
export type NamedAreas = z.infer<typeof NamedAreas>;
