// The WebGL map: deck.gl over the shipped basemap, fitted to the tile, with pan and zoom and hover details.
// Mounted only once WebGL2 is known to exist; a failure deck.gl reports later is handed up so the tile can fall
// back to the table instead of going blank.
import { WebMercatorViewport, type MapViewState, type PickingInfo } from '@deck.gl/core';
import { DeckGL } from '@deck.gl/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { declutter } from '../../../src/domain/geo/label-declutter.js';
import { boundsOf } from '../../../src/domain/geo/province-boundaries.js';
import { LABEL_LINE_HEIGHT, labelFont, labelPx } from './label-style';
import { mapLayers, type LayerInput, type MapLabel, type ProvincePart } from './map-layers';
import type { MapArc } from './map-settings';
import { labelCharacters } from './map-values';

export interface DeckMapProps extends Omit<LayerInput, 'characterSet' | 'fontPx'> {
  /** Text of the hover box for a province; null hides it. */
  describeProvince(code: string): string | null;
  describeArc(arc: MapArc): string;
  /** Text of the hover box for the point at this index of `points`; null hides it. */
  describePoint(index: number): string | null;
  /** Called once the provinces have been drawn, with how many distinct provinces the layer holds. */
  onDrawn(provinceCount: number): void;
  /** Called after the first frame drawn with a new set of points, with how many there are. */
  onPointsDrawn?(count: number): void;
  onFailure(message: string): void;
  /** A briefing scene's provinces: the map is fitted to them (and back to the whole country without). */
  focusProvinces?: readonly string[] | undefined;
}

interface Size {
  width: number;
  height: number;
}

function useElementSize(element: HTMLElement | null): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) setSize({ width: Math.round(width), height: Math.round(height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

/** True once the label font, with the glyphs the labels need, is loaded: the glyph atlas is drawn once. */
function useFontReady(characters: readonly string[]): boolean {
  const [ready, setReady] = useState(false);
  const sample = characters.join('');
  useEffect(() => {
    let live = true;
    // The Vietnamese glyphs live in their own unicode-range face: naming the text loads exactly those faces.
    void document.fonts
      .load(labelFont(32), sample)
      .catch(() => [])
      .then(() => {
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, [sample]);
  return ready;
}

function fitView(bounds: [number, number, number, number], size: Size): MapViewState {
  const [w, s, e, n] = bounds;
  const padding = Math.round(Math.min(size.width, size.height) * 0.04);
  const viewport = new WebMercatorViewport({ ...size }).fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding },
  );
  return { longitude: viewport.longitude, latitude: viewport.latitude, zoom: viewport.zoom, pitch: 0, bearing: 0 };
}

export function DeckMap(props: DeckMapProps): ReactNode {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const size = useElementSize(element);
  const { basemap, labels, onDrawn, onFailure } = props;
  const focusKey = props.focusProvinces?.join(',') ?? '';
  const bounds = useMemo(() => {
    const codes = focusKey.split(',');
    const focused = basemap.provinces.filter((p) => codes.includes(p.code));
    return boundsOf(focused.length > 0 ? focused : basemap.provinces);
  }, [basemap, focusKey]);
  const [viewState, setViewState] = useState<MapViewState | null>(null);
  // A new focus is fitted afresh, whatever the operator had panned to.
  useEffect(() => setViewState(null), [focusKey]);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  // Fit Vietnam (Hoàng Sa and Trường Sa included) into the tile the first time it has a size; after that the
  // operator's pan and zoom are kept.
  const fitted = useMemo(() => (size ? fitView(bounds, size) : null), [bounds, size]);
  const view = viewState ?? fitted;
  const characterSet = useMemo(() => labelCharacters(labels.map((l) => l.text)), [labels]);
  const fontReady = useFontReady(characterSet);
  // Labels readable from five metres on a wall tile, without covering small northern provinces entirely.
  const fontPx = size ? Math.max(12, Math.min(28, Math.round(size.height / 42))) : 16;
  // Overlaps depend only on the zoom (Web Mercator moves everything together when panning).
  const zoomStep = view ? Math.round(view.zoom * 10) / 10 : null;
  const shown = useMemo(
    () => (zoomStep === null ? [] : visibleLabels(labels, zoomStep, fontPx)),
    [labels, zoomStep, fontPx],
  );
  const layers = useMemo(
    () => mapLayers({ ...props, labels: shown, characterSet: fontReady ? characterSet : null, fontPx }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the describe* callbacks do not change the layers
    [
      props.basemap,
      props.figures,
      props.choropleth,
      props.fillKey,
      shown,
      props.points,
      props.pointRadius,
      props.heatmap,
      props.arcs,
      fontReady,
      characterSet,
      fontPx,
    ],
  );
  const reported = useRef(false);
  const pointsReported = useRef<unknown>(null);
  const provinceCount = useMemo(() => new Set(basemap.provinces.map((p) => p.code)).size, [basemap]);

  return (
    <div className="map__canvas" ref={setElement} data-font={fontReady ? 'ready' : 'loading'}>
      {size && view && (
        <DeckGL
          width={size.width}
          height={size.height}
          viewState={view}
          onViewStateChange={({ viewState: next }) => {
            setHover(null);
            setViewState(next as MapViewState);
          }}
          controller={{ dragRotate: false, touchRotate: false, keyboard: true }}
          layers={layers}
          onHover={(info: PickingInfo) => {
            const text = tooltipOf(info, props);
            setHover(text === null ? null : { x: info.x, y: info.y, text });
          }}
          onAfterRender={() => {
            if (pointsReported.current !== props.points) {
              pointsReported.current = props.points;
              props.onPointsDrawn?.(props.points.count);
            }
            if (reported.current) return;
            reported.current = true;
            onDrawn(provinceCount);
          }}
          onError={(error) => onFailure(error.message)}
        />
      )}
      {hover && (
        // Our own hover box rather than deck.gl's: deck.gl's places itself against the page, not this tile.
        <div
          className="map-tooltip"
          data-testid="map-tooltip"
          style={{ transform: `translate(${Math.round(hover.x) + 14}px, ${Math.round(hover.y) + 14}px)` }}
        >
          {hover.text}
        </div>
      )}
      {size && view && <LabelPositions labels={labels} view={view} size={size} />}
    </div>
  );
}

let measureContext: CanvasRenderingContext2D | null = null;

function textWidth(text: string, px: number): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * px * 0.6;
  measureContext.font = labelFont(px);
  return measureContext.measureText(text).width;
}

function visibleLabels(labels: readonly MapLabel[], zoom: number, fontPx: number): MapLabel[] {
  const viewport = new WebMercatorViewport({ longitude: 106, latitude: 16, zoom, width: 1000, height: 1000 });
  const boxes = labels.map((l) => {
    const [x = 0, y = 0] = viewport.project([l.position[0], l.position[1]]);
    const px = labelPx(l.kind, fontPx);
    const lines = l.text.split('\n');
    return {
      x,
      y,
      width: Math.max(...lines.map((line) => textWidth(line, px))),
      height: lines.length * px * LABEL_LINE_HEIGHT,
      priority: l.priority,
    };
  });
  return declutter(boxes).map((i) => labels[i] as MapLabel);
}

function tooltipOf(info: PickingInfo, props: DeckMapProps): string | null {
  // The points are binary attributes: deck.gl gives their index, not an object.
  if (info.layer?.id === 'points') return info.index >= 0 ? props.describePoint(info.index) : null;
  const object: unknown = info.object;
  if (!object || typeof object !== 'object') return null;
  let text: string | null = null;
  if (info.layer?.id === 'provinces') text = props.describeProvince((object as ProvincePart).code);
  else if (info.layer?.id === 'arcs') text = props.describeArc(object as MapArc);
  return text;
}

/**
 * The province labels also as a list, visually hidden: screen readers and tests read the names the canvas
 * draws, and where each is on screen (to hover it).
 */
function LabelPositions({
  labels,
  view,
  size,
}: {
  labels: readonly MapLabel[];
  view: MapViewState;
  size: Size;
}): ReactNode {
  const viewport = new WebMercatorViewport({ ...view, ...size });
  return (
    <ul className="visually-hidden" data-testid="map-labels">
      {labels
        .filter((l) => l.kind === 'province')
        .map((l) => {
          const [x, y] = viewport.project([l.position[0], l.position[1]]);
          return (
            <li key={l.code} data-code={l.code} data-x={Math.round(x ?? 0)} data-y={Math.round(y ?? 0)}>
              {l.name}
            </li>
          );
        })}
    </ul>
  );
}
