// The ECharts option of a comparison-bars tile: horizontal bars, the first-ranked on top, each value printed at
// its bar's end. Preliminary figures differ in colour and say "sơ bộ" in their label as well.
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

export function barsOption(rows: readonly RankedProvince[], look: BarsLook): ChartOption {
  const label = (row: RankedProvince): string =>
    `${valueLabel(row.value, look.locale, look.fractionDigits)}${row.preliminary ? ` ${look.preliminaryMark}` : ''}`;
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { color: TEXT_COLOR, fontSize: AXIS_FONT_SIZE },
    },
    series: [
      {
        type: 'bar',
        name: look.seriesName,
        barCategoryGap: '25%',
        data: rows.map((r) => ({
          value: r.value,
          itemStyle: { color: r.preliminary ? SERIES_COLORS[1] : SERIES_COLORS[0] },
          label: { show: true, position: 'insideRight', formatter: () => label(r), color: '#000', fontWeight: 700 },
        })),
        label: { fontSize: AXIS_FONT_SIZE },
        silent: true,
      },
    ],
  };
}
