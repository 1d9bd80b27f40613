// A map tile: the chosen figure per province as a choropleth over the 34 provinces, with its legend and the
// boundary credits. Without WebGL it says so and shows the same figures as a table, never a blank tile.
import { Suspense, lazy, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { classify } from '../../../src/domain/geo/choropleth.js';
import { ringArea } from '../../../src/domain/geo/province-boundaries.js';
import { PROVINCES, provinceByCode, provinceName } from '../../../src/domain/provinces.js';
import { formatNumber, formatPeriod, withUnit } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { eventsOf } from '../../state/payloads';
import { useLatest, useSessionSnapshot } from '../../state/session-context';
import { wallProbe } from '../../state/wall-probe';
import type { WidgetProps } from '../widget-definition';
import { cameraPoints } from './camera-points';
import { loadBasemap, loadPoints, type Basemap } from './load-geodata';
import type { MapLabel } from './map-layers';
import { MapLegend } from './MapLegend';
import type { MapArc, MapSettings } from './map-settings';
import { indicatorFigures, legacyFigures, type ProvinceFigure } from './map-values';
import { NO_POINTS, columnsOfPoints, concatPoints, pointAt, type PointColumns } from './points-file';
import { ProvinceTable } from './ProvinceTable';
import { type AsyncLoad, useAsyncLoad } from './use-async-load';
import { warningAreas } from './warning-areas';
import { hasWebGL2 } from './webgl-support';
import './map.css';

/** The basemap, while the tile can draw one (WebGL). */
function useBasemap(settings: MapSettings, wanted: boolean): AsyncLoad<Basemap> {
  const { boundaries, boundaryUrl } = settings;
  return useAsyncLoad(wanted ? `${boundaries}|${boundaryUrl ?? ''}` : null, () =>
    loadBasemap({ boundaries, boundaryUrl }),
  );
}

/** The site's points file, if the tile names one. A failure is kept here: the provinces still draw. */
function usePointsFile(url: string | undefined, wanted: boolean): AsyncLoad<PointColumns> {
  return useAsyncLoad(wanted && url ? url : null, () => loadPoints(url ?? ''));
}

/**
 * Tells a measuring harness (`window.__wallProbe`, injected only by benchmarks) of each figure of the map's indicator
 * it is about to draw, as the charts do (renderer/state/use-history.ts). Without the harness it does nothing.
 */
function useIndicatorProbe(values: ReturnType<typeof useLatest>, offset: number, indicator: string | null): void {
  const reported = useRef(0);
  // Layout effect: runs after React applied the new figures and before the browser paints.
  useLayoutEffect(() => {
    const probe = wallProbe();
    if (!probe || indicator === null || offset <= reported.current) return;
    for (const e of values.topic('econ.indicators')) {
      if (e.offset > reported.current && e.key.endsWith(`:${indicator}`)) probe.data(`${e.topic}/${e.key}`, e.time);
    }
    reported.current = offset;
  }, [values, offset, indicator]);
}

// deck.gl is most of the map's weight: it loads with the first map tile, not with every wall page.
const DeckMap = lazy(() => import('./DeckMap').then((module) => ({ default: module.DeckMap })));

const WARNING_TOPICS = ['ops.warnings'] as const;
const INDICATOR_TOPICS = ['econ.indicators', 'ops.warnings'] as const;

export function MapView({ settings, focus }: WidgetProps<MapSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(settings.legacy ? WARNING_TOPICS : INDICATOR_TOPICS);
  // `values` is the same store object after every update: its offset is what says the indicators changed.
  const indicatorOffset = settings.legacy ? 0 : values.offset('econ.indicators');
  const computed = useMemo(
    () =>
      settings.legacy
        ? legacyFigures(settings.legacy)
        : indicatorFigures(eventsOf(values, 'econ.indicators'), settings.indicator),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- indicatorOffset stands for the store's contents
    [values, indicatorOffset, settings.legacy, settings.indicator],
  );
  // The topic carries every indicator: an update of another one must not rebuild the layers (a full redraw, seconds
  // on software WebGL), so the figures keep their identity until this indicator's own figures change.
  const figuresKey = [...computed]
    .map(([code, f]) => `${code}:${f.value}:${f.period}:${f.status}:${f.time}:${f.parts?.have}`)
    .join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- figuresKey stands for the figures' contents
  const figures = useMemo(() => computed, [figuresKey]);
  useIndicatorProbe(values, indicatorOffset, settings.legacy ? null : settings.indicator);
  const choropleth = useMemo(
    () =>
      classify(
        [...figures.values()].map((f) => f.value),
        { classes: settings.classes, method: settings.classification },
      ),
    [figures, settings.classes, settings.classification],
  );
  const warningsOffset = values.offset('ops.warnings');
  const warnings = useMemo(
    () =>
      warningAreas(
        eventsOf(values, 'ops.warnings').map((e) => ({ key: e.envelope.key, payload: e.payload })),
        Date.now(),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- warningsOffset stands for the store's warnings
    [values, warningsOffset],
  );
  const [glFailure, setGlFailure] = useState<string | null>(null);
  const webgl = hasWebGL2() && glFailure === null;
  const load = useBasemap(settings, webgl);
  const [drawn, setDrawn] = useState(0);
  const pointsFile = usePointsFile(settings.pointsUrl, webgl);
  const cameras = useSessionSnapshot().hello?.cameras;
  const points = useMemo(
    () =>
      concatPoints(
        columnsOfPoints(settings.cameras && cameras ? [...settings.points, ...cameraPoints(cameras)] : settings.points),
        pointsFile.state === 'ready' ? pointsFile.value : NO_POINTS,
      ),
    [settings.points, settings.cameras, cameras, pointsFile],
  );
  const [pointsDrawn, setPointsDrawn] = useState<number | null>(null);
  const onPointsDrawn = (count: number): void => {
    performance.mark('map:points:drawn', { detail: count });
    setPointsDrawn(count);
  };
  // A boundary file that cannot be read is this tile's error: the tile boundary shows it and tries again later.
  if (webgl && load.state === 'failed') throw load.error;

  const digits = settings.fractionDigits;
  const unit = settings.legacy ? (settings.legacy.unit ?? '') : t(`map.unit.${settings.indicator}`);
  const title = settings.legacy ? settings.legacy.title : t(`map.indicator.${settings.indicator}`);
  const format = (v: number): string =>
    formatNumber(v, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

  const labels = useMemo(
    () =>
      load.state === 'ready'
        ? [...warningLabels(warnings.labels), ...labelsOf(load.value, figures, settings.labels, format, locale)]
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- format follows locale and digits
    [load, figures, settings.labels, locale, digits, warnings],
  );
  const fillKey = useMemo(
    () =>
      [...figures].map(([code, f]) => `${code}:${f.value}`).join('|') +
      `|${settings.classes}|${settings.classification}`,
    [figures, settings.classes, settings.classification],
  );

  const describeProvince = (code: string): string => {
    const name = provinceName(code, locale, 'full');
    const f = figures.get(code);
    if (!f) return `${name}\n${title}: ${t('map.noData')}`;
    return [`${name}`, `${title}: ${withUnit(format(f.value), unit)}`, detailOf(f)].filter(Boolean).join('\n');
  };
  const detailOf = (f: ProvinceFigure): string =>
    [
      f.period ? formatPeriod(f.period, locale) : null,
      f.status ? t(`dataStatus.${f.status}`) : null,
      f.parts && f.parts.have < f.parts.of ? t('map.partial', { have: f.parts.have, of: f.parts.of }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const describeArc = (a: MapArc): string =>
    `${a.from.name} → ${provinceName(a.to, locale)}: ${format(a.value)}${a.label ? `\n${a.label}` : ''}`;
  const describePoint = (index: number): string | null => {
    const p = pointAt(points, index);
    if (!p) return null;
    return [t(`map.pointKind.${p.kind}`), p.label, p.value !== undefined ? format(p.value) : null]
      .filter(Boolean)
      .join('\n');
  };

  const noData = PROVINCES.length - figures.size;
  return (
    <div
      className="map"
      data-testid="map"
      data-webgl={webgl ? 'on' : 'off'}
      data-province-count={webgl ? drawn : 0}
      data-points={pointsFile.state === 'ready' ? pointsFile.value.count : pointsFile.state}
      data-points-drawn={pointsDrawn ?? undefined}
      data-warning-areas={warnings.parts.length}
    >
      <h2 className="tile-title map__title">
        {title}
        {unit && <span className="map__unit"> ({unit})</span>}
        <span className="map__coverage"> · {t('map.coverage', { count: figures.size, total: PROVINCES.length })}</span>
      </h2>
      <div className={webgl ? 'map__body' : 'map__body map__body--table'}>
        {!webgl && (
          <div className="map__fallback">
            <p className="map__notice" role="status">
              {glFailure ? t('map.webglFailed', { detail: glFailure }) : t('map.noWebgl')}
            </p>
            <ProvinceTable figures={figures} choropleth={choropleth} locale={locale} fractionDigits={digits} />
          </div>
        )}
        {webgl && pointsFile.state === 'failed' && (
          <p className="map__notice map__points-error" role="alert" data-testid="map-points-error">
            {t('map.pointsFailed', { detail: pointsFile.error.message })}
          </p>
        )}
        {webgl && load.state === 'loading' && <p className="map__loading">{t('map.loading')}</p>}
        {webgl && load.state === 'ready' && (
          <Suspense fallback={<p className="map__loading">{t('map.loading')}</p>}>
            <DeckMap
              basemap={load.value}
              focusProvinces={focus?.kind === 'map' ? focus.provinces : undefined}
              figures={figures}
              choropleth={choropleth}
              fillKey={fillKey}
              labels={labels}
              points={points}
              pointRadius={settings.pointRadius}
              heatmap={settings.heatmap}
              arcs={settings.arcs}
              warnings={warnings.parts}
              describeProvince={describeProvince}
              describeArc={describeArc}
              describePoint={describePoint}
              onDrawn={setDrawn}
              onPointsDrawn={onPointsDrawn}
              onFailure={setGlFailure}
            />
          </Suspense>
        )}
        {settings.legend && (
          <MapLegend
            title={unit ? `${title} (${unit})` : title}
            choropleth={choropleth}
            noData={noData}
            locale={locale}
            fractionDigits={digits}
          />
        )}
      </div>
      {webgl && load.state === 'ready' && <p className="map__credits">{creditsOf(load.value, t)}</p>}
    </div>
  );
}

function labelsOf(
  basemap: Basemap,
  figures: ReadonlyMap<string, ProvinceFigure>,
  mode: MapSettings['labels'],
  format: (v: number) => string,
  locale: 'vi' | 'en',
): MapLabel[] {
  if (mode === 'none') return [];
  const provinces = basemap.provinces.map((p): MapLabel => {
    const f = figures.get(p.code);
    const name = provinceName(p.code, locale);
    const text = mode === 'names-and-values' && f ? `${name}\n${format(f.value)}` : name;
    // Centrally-run cities first (the room looks for them), then the larger provinces, which have room to show.
    const area = p.polygons.reduce((sum, polygon) => sum + Math.abs(ringArea(polygon[0] ?? [])), 0);
    const priority = (provinceByCode(p.code)?.kind === 'city' ? 1000 : 0) + area;
    return { position: p.label, text, name, code: p.code, kind: 'province', priority };
  });
  const islands = basemap.archipelagos.features.flatMap((f): MapLabel[] => {
    const { name, label_lon, label_lat } = f.properties;
    if (label_lon === undefined || label_lat === undefined) return [];
    // The archipelagos are always named: they are what shows that they are Vietnam's.
    return [{ position: [label_lon, label_lat], text: name, name, code: name, kind: 'archipelago', priority: 1e6 }];
  });
  return [...provinces, ...islands];
}

/** A warning's headline is named whatever else is shown: it wins over every province name. */
function warningLabels(labels: ReturnType<typeof warningAreas>['labels']): MapLabel[] {
  return labels.map((l): MapLabel => ({ ...l, name: l.text, code: l.id, kind: 'warning', priority: 1e7 }));
}

function creditsOf(basemap: Basemap, t: (key: string, options?: Record<string, string>) => string): string {
  const source = basemap.source;
  const provinces =
    source.kind === 'site'
      ? t('map.creditSite', { url: source.url })
      : t(source.kind === 'odv' ? 'map.creditOdv' : 'map.creditNaturalEarth');
  return `${provinces} · ${t('map.creditBasemap')}`;
}
