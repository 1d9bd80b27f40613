// The deck.gl layers of the map, bottom to top: neighbouring countries, the province choropleth, the
// archipelagos, warning areas, heat, arcs, points, labels. Built from plain data so the view component stays about React.
import type { Layer } from '@deck.gl/core';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { ArcLayer, PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { NO_DATA_COLOR, type Choropleth, type Rgb } from '../../../src/domain/geo/choropleth.js';
import { polygonsOf, type Position } from '../../../src/domain/geo/geojson-schema.js';
import { LABEL_FONT_FAMILY, LABEL_FONT_WEIGHT, LABEL_LINE_HEIGHT, labelPx } from './label-style';
import type { Basemap } from './load-geodata';
import type { MapArc, MapPoint } from './map-settings';
import { POINT_KINDS, type PointColumns } from './points-file';
import type { ProvinceFigure } from './map-values';
import type { WarningPart } from './warning-areas';

/** One polygon of a province: a province with islands is several of these. */
export interface ProvincePart {
  readonly code: string;
  readonly rings: Position[][];
}

interface AreaPart {
  readonly rings: Position[][];
}

export interface MapLabel {
  readonly position: readonly [number, number];
  /** What is drawn: the name, and for a province maybe its value on a second line. */
  readonly text: string;
  readonly name: string;
  /** Province code; the archipelago's name, or the warning's key, for those labels. */
  readonly code: string;
  readonly kind: 'province' | 'archipelago' | 'warning';
  /** Which labels win when two would overlap: higher first. */
  readonly priority: number;
}

export interface LayerInput {
  readonly basemap: Basemap;
  readonly figures: ReadonlyMap<string, ProvinceFigure>;
  readonly choropleth: Choropleth;
  /** Changes whenever a fill colour may have changed, so deck.gl recomputes the fills. */
  readonly fillKey: string;
  readonly labels: readonly MapLabel[];
  /** Character set of the labels; null until the font is loaded (text drawn earlier would use a fallback). */
  readonly characterSet: readonly string[] | null;
  readonly fontPx: number;
  /** The tile's and the site file's points, as columns (drawn as deck.gl binary attributes). */
  readonly points: PointColumns;
  /** Radius in pixels of the smallest dot. */
  readonly pointRadius: number;
  readonly heatmap: boolean;
  readonly arcs: readonly MapArc[];
  /** The areas of the warnings in force. */
  readonly warnings: readonly WarningPart[];
}

const COUNTRY_FILL: Rgb = [24, 31, 42];
const COUNTRY_LINE: Rgb = [66, 77, 92];
const PROVINCE_LINE: Rgb = [6, 10, 16];
const ISLAND_LINE: Rgb = [235, 240, 245];
/** A warning's outline, by priority: the alarm colours of the wall, most urgent the hottest. */
const WARNING_COLORS: Record<WarningPart['priority'], Rgb> = {
  emergency: [255, 59, 48],
  high: [255, 140, 40],
  medium: [255, 214, 10],
  low: [120, 200, 255],
};
const WARNING_LABEL: Rgb = [255, 200, 120];
const LABEL_COLORS: Record<MapLabel['kind'], Rgb> = {
  province: [255, 255, 255],
  archipelago: [200, 220, 240],
  warning: WARNING_LABEL,
};
const POINT_COLORS: Record<MapPoint['kind'], Rgb> = {
  project: [255, 182, 39],
  camera: [98, 208, 255],
  other: [255, 255, 255],
};

// Flattening 1.6 MB of countries and a million province vertices per render would stall the wall; the basemap
// object is immutable once loaded, so its parts are computed once per basemap.
const partsCache = new WeakMap<Basemap, { provinces: ProvincePart[]; countries: AreaPart[]; islands: AreaPart[] }>();

function basemapParts(basemap: Basemap): {
  provinces: ProvincePart[];
  countries: AreaPart[];
  islands: AreaPart[];
} {
  let parts = partsCache.get(basemap);
  if (!parts) {
    parts = {
      provinces: basemap.provinces.flatMap((p) => p.polygons.map((rings) => ({ code: p.code, rings }))),
      countries: basemap.countries.features.flatMap((f) => polygonsOf(f.geometry).map((rings) => ({ rings }))),
      islands: basemap.archipelagos.features.flatMap((f) => polygonsOf(f.geometry).map((rings) => ({ rings }))),
    };
    partsCache.set(basemap, parts);
  }
  return parts;
}

function fillOf(figure: ProvinceFigure | undefined, choropleth: Choropleth): Rgb {
  if (!figure) return NO_DATA_COLOR;
  const index = choropleth.classOf(figure.value);
  return index === null ? NO_DATA_COLOR : (choropleth.classes[index]?.color ?? NO_DATA_COLOR);
}

interface BinaryData {
  length: number;
  attributes: Record<string, { value: Float32Array | Uint8Array; size: number; normalized?: boolean }>;
}

interface PointAttributes {
  radius: number;
  /** deck.gl compares `data` by identity: the same object while the points are the same, or it uploads again. */
  scatter: BinaryData;
  heat: BinaryData;
}

// Sizes, colours and weights of the points, computed once per set of points (and dot radius): a million points
// are three typed arrays handed to the GPU as they are, with no object per point.
const pointAttributeCache = new WeakMap<PointColumns, PointAttributes>();

function pointAttributes(points: PointColumns, radius: number): PointAttributes {
  const held = pointAttributeCache.get(points);
  if (held && held.radius === radius) return held;
  const n = points.count;
  const radii = new Float32Array(n);
  const colors = new Uint8Array(n * 3);
  const weights = points.values ?? new Float32Array(n).fill(1);
  const palette = POINT_KINDS.map((k) => POINT_COLORS[k]);
  for (let i = 0; i < n; i++) {
    radii[i] = radius * (1 + 2 * Math.sqrt((points.values ? (points.values[i] ?? 1) : 1) / points.maxValue));
    const color = palette[points.kinds[i] ?? 2] ?? POINT_COLORS.other;
    colors[3 * i] = color[0];
    colors[3 * i + 1] = color[1];
    colors[3 * i + 2] = color[2];
  }
  const getPosition = { value: points.positions, size: 2 };
  const attributes: PointAttributes = {
    radius,
    scatter: {
      length: n,
      attributes: {
        getPosition,
        getRadius: { value: radii, size: 1 },
        getFillColor: { value: colors, size: 3, normalized: true },
      },
    },
    heat: { length: n, attributes: { getPosition, getWeight: { value: weights, size: 1 } } },
  };
  pointAttributeCache.set(points, attributes);
  return attributes;
}

export function mapLayers(input: LayerInput): Layer[] {
  const parts = basemapParts(input.basemap);
  const layers: Layer[] = [
    new PolygonLayer<AreaPart>({
      id: 'countries',
      data: parts.countries,
      getPolygon: (d) => d.rings,
      getFillColor: COUNTRY_FILL,
      getLineColor: COUNTRY_LINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
    new PolygonLayer<ProvincePart>({
      id: 'provinces',
      data: parts.provinces,
      getPolygon: (d) => d.rings,
      getFillColor: (d) => [...fillOf(input.figures.get(d.code), input.choropleth), 255],
      getLineColor: PROVINCE_LINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      updateTriggers: { getFillColor: input.fillKey },
    }),
    // Islets of 0.3–2 km vanish at country scale as fills: a bright minimum-width outline keeps them visible.
    new PolygonLayer<AreaPart>({
      id: 'archipelagos',
      data: parts.islands,
      getPolygon: (d) => d.rings,
      filled: false,
      getLineColor: ISLAND_LINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
  ];
  if (input.warnings.length > 0) {
    layers.push(
      new PolygonLayer<WarningPart>({
        id: 'warnings',
        data: input.warnings,
        getPolygon: (d) => d.ring,
        // A light wash so the choropleth stays readable under the area; the outline is what marks it.
        getFillColor: (d) => [...WARNING_COLORS[d.priority], 40],
        getLineColor: (d) => [...WARNING_COLORS[d.priority], 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    );
  }
  const points = input.points;
  const attributes = points.count > 0 ? pointAttributes(points, input.pointRadius) : null;
  if (input.heatmap && attributes) {
    layers.push(
      new HeatmapLayer({
        id: 'heat',
        data: attributes.heat,
        radiusPixels: 40,
        opacity: 0.8,
      }),
    );
  }
  if (input.arcs.length > 0) {
    const labelOf = new Map(input.basemap.provinces.map((p) => [p.code, p.label]));
    const maxValue = Math.max(...input.arcs.map((a) => a.value), 1);
    layers.push(
      new ArcLayer<MapArc>({
        id: 'arcs',
        data: input.arcs,
        getSourcePosition: (d) => [d.from.lon, d.from.lat],
        getTargetPosition: (d) => (labelOf.get(d.to) ?? [d.from.lon, d.from.lat]) as [number, number],
        getSourceColor: [98, 208, 255, 230],
        getTargetColor: [255, 182, 39, 230],
        getWidth: (d) => 2 + 8 * Math.sqrt(d.value / maxValue),
        widthUnits: 'pixels',
        pickable: true,
      }),
    );
  }
  if (attributes && !input.heatmap) {
    layers.push(
      new ScatterplotLayer({
        id: 'points',
        data: attributes.scatter,
        radiusUnits: 'pixels',
        stroked: true,
        getLineColor: [0, 0, 0],
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        pickable: true,
      }),
    );
  }
  if (input.characterSet) {
    layers.push(
      new TextLayer<MapLabel>({
        id: 'labels',
        data: input.labels,
        getPosition: (d) => [d.position[0], d.position[1]],
        getText: (d) => d.text,
        getSize: (d) => labelPx(d.kind, input.fontPx),
        sizeUnits: 'pixels',
        getColor: (d) => LABEL_COLORS[d.kind],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
        lineHeight: LABEL_LINE_HEIGHT,
        fontFamily: LABEL_FONT_FAMILY,
        fontWeight: LABEL_FONT_WEIGHT,
        characterSet: input.characterSet as string[],
        // Signed-distance glyphs with a dark outline: white text stays legible on every class colour.
        fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 16 },
        outlineWidth: 4,
        outlineColor: [0, 0, 0, 240],
        updateTriggers: { getSize: input.fontPx },
      }),
    );
  }
  return layers;
}
