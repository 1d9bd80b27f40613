// The ECharts option of a time-series tile. Pure, so what the chart is asked to draw is unit-tested.
import type { FormatLocale } from '../../../src/i18n/format.js';
import { timeLabel, valueLabel } from '../../charts/axis-format';
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartOption } from '../../charts/echarts-setup';
import type { Point } from '../../charts/value-points';
import { SERIES_COLORS } from '../../charts/wall-theme';

export interface TimeseriesLook {
  locale: FormatLocale;
  timeZone: string;
  fractionDigits: number;
  seriesName: string;
  /** The axis spans this much time up to the newest point, so a young series does not stretch across it. */
  windowMs: number;
}

/**
 * The points as one flat typed array [t0, v0, t1, v1, …]: ECharts copies it in one go where it clones a small
 * array per point (setting a chart of 3,000 points takes a quarter of the time).
 */
function interleaved(points: readonly Point[]): Float64Array {
  const flat = new Float64Array(points.length * 2);
  points.forEach(([t, v], i) => {
    flat[2 * i] = t;
    flat[2 * i + 1] = v;
  });
  return flat;
}

/** `range`: a briefing scene's time range (epoch ms), shown instead of the last `windowMs`. */
export function timeseriesOption(
  points: readonly Point[],
  look: TimeseriesLook,
  range?: { from: number; to: number },
): ChartOption {
  const last = range?.to ?? points.at(-1)?.[0] ?? 0;
  const span = range ? range.to - range.from : look.windowMs;
  return {
    // Animation would repaint for half a second after every update: a wall's CPU is better spent elsewhere.
    animation: false,
    grid: { left: 8, right: 28, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'time',
      min: last - span,
      max: last,
      axisLabel: { formatter: (value: number) => timeLabel(value, span, look.timeZone), hideOverlap: true },
      splitNumber: 4,
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitNumber: 4,
      axisLabel: {
        formatter: (value: number) => valueLabel(value, look.locale, look.fractionDigits),
        hideOverlap: true,
      },
    },
    series: [
      {
        type: 'line',
        name: look.seriesName,
        // ECharts reads a typed array as series data (its Source: SOURCE_FORMAT_TYPED_ARRAY, the dataset's
        // OptionSourceDataTypedArray) but the series' own type lists only arrays.
        data: interleaved(points) as unknown as LineSeriesOption['data'],
        dimensions: ['time', 'value'],
        // ECharts' Largest-Triangle-Three-Buckets: keeps peaks and dips when there are more points than pixels.
        sampling: 'lttb',
        showSymbol: false,
        lineStyle: { width: 4, color: SERIES_COLORS[0] },
        areaStyle: { color: SERIES_COLORS[0], opacity: 0.12 },
        silent: true,
      },
    ],
  };
}
