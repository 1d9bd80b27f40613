// The ECharts option of a comparison-bars tile: horizontal bars, the first-ranked on top, each value printed at
// its bar's end: inside a long bar, just past a short one (ECharts pushes a label that does not fit inside a bar
// out to its left, over the province names). Preliminary figures differ in colour and say "sơ bộ" as well.
import type { FormatLocale } from '../../../src/i18n/format.js';
import { valueLabel } from '../../charts/axis-format';
import type { ChartOption } from '../../charts/echarts-setup';
import { AXIS_FONT_SIZE, SERIES_COLORS, TEXT_COLOR } from '../../charts/wall-theme';
import type { RankedProvince } from './province-ranking';

export interface BarsLook {
  locale: FormatLocale;
  fractionDigits: number;
  seriesName: string;
  /** Appended to a preliminary value's label, e.g. "(sơ bộ)". */
  preliminaryMark: string;
}

/**
 * A bar at least this share of the longest holds its label inside: on a wall tile half the plot is wider than a
 * label ("1.234,5 (sơ bộ)"), and a shorter bar's label, drawn past its end, still ends inside the plot.
 */
const LONG_BAR = 0.5;

export function barsOption(rows: readonly RankedProvince[], look: BarsLook): ChartOption {
  const label = (row: RankedProvince): string =>
    `${valueLabel(row.value, look.locale, look.fractionDigits)}${row.preliminary ? ` ${look.preliminaryMark}` : ''}`;
  const longest = Math.max(...rows.map((r) => Math.abs(r.value)));
  // Past the end of a short bar means to the right of the zero line for a negative one too: the names are left.
  const placed = (row: RankedProvince) =>
    Math.abs(row.value) >= LONG_BAR * longest
      ? { position: row.value < 0 ? ('insideLeft' as const) : ('insideRight' as const), color: '#000' }
      : { position: 'right' as const, color: TEXT_COLOR };
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { color: TEXT_COLOR, fontSize: AXIS_FONT_SIZE },
      // The names stay at the plot's left edge when values go below zero.
      axisLine: { onZero: false },
    },
    series: [
      {
        type: 'bar',
        name: look.seriesName,
        barCategoryGap: '25%',
        data: rows.map((r) => ({
          value: r.value,
          itemStyle: { color: r.preliminary ? SERIES_COLORS[1] : SERIES_COLORS[0] },
          label: { show: true, ...placed(r), formatter: () => label(r), fontWeight: 700 },
        })),
        label: { fontSize: AXIS_FONT_SIZE },
        silent: true,
      },
    ],
  };
}
