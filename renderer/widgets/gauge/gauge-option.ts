// The ECharts option of a gauge tile: a dial with the value's arc and a marker at the target, or a bullet bar
// with a target line. The figures themselves are printed as text beneath (the dial alone is hard to read far).
import type { FormatLocale } from '../../../src/i18n/format.js';
import { valueLabel } from '../../charts/axis-format';
import type { ChartOption } from '../../charts/echarts-setup';
import { AXIS_FONT_SIZE, MUTED_COLOR, SERIES_COLORS, TEXT_COLOR } from '../../charts/wall-theme';
import type { GaugeReading } from './gauge-reading';

const TRACK = '#2a3442';
const TARGET_COLOR = '#ffffff';

export interface GaugeLook {
  locale: FormatLocale;
  fractionDigits: number;
  style: 'gauge' | 'bullet';
}

export function gaugeOption(r: GaugeReading, look: GaugeLook): ChartOption {
  const shown = Math.min(r.value, r.max);
  const format = (v: number): string => valueLabel(v, look.locale, look.fractionDigits);
  const color = r.state === 'below' ? SERIES_COLORS[1] : SERIES_COLORS[2];
  if (look.style === 'bullet') {
    return {
      animation: false,
      grid: { left: 8, right: 32, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        min: r.min,
        max: r.max,
        splitNumber: 2,
        axisLabel: { formatter: format },
      },
      yAxis: { type: 'category', data: [''], axisLine: { show: false } },
      series: [
        {
          type: 'bar',
          data: [shown],
          barWidth: '55%',
          itemStyle: { color },
          silent: true,
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: TARGET_COLOR, width: 6, type: 'solid' },
            label: {
              formatter: () => `▼ ${format(r.target)}`,
              color: TEXT_COLOR,
              fontSize: AXIS_FONT_SIZE,
              position: 'end',
            },
            data: [{ xAxis: r.target }],
          },
        },
      ],
    };
  }
  const common = { min: r.min, max: r.max, startAngle: 200, endAngle: -20, radius: '100%', center: ['50%', '62%'] };
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        ...common,
        splitNumber: 4,
        progress: { show: true, width: 28, itemStyle: { color } },
        axisLine: { lineStyle: { width: 28, color: [[1, TRACK]] } },
        axisTick: { show: false },
        splitLine: { length: 10, distance: -28, lineStyle: { color: MUTED_COLOR, width: 2 } },
        // Only the ends of the scale are numbered: between them labels collide with the target marker.
        axisLabel: {
          distance: 44,
          color: MUTED_COLOR,
          fontSize: AXIS_FONT_SIZE - 2,
          formatter: (v: number) => (v === r.min || v === r.max ? format(v) : ''),
        },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        // The value is printed beside the dial in the tile's text, large; inside a small dial it would clip.
        detail: { show: false },
        data: [{ value: shown }],
        silent: true,
      },
      {
        // The target: a white wedge pointing at its place on the arc.
        type: 'gauge',
        ...common,
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        progress: { show: false },
        pointer: {
          icon: 'triangle',
          length: '18%',
          width: 26,
          offsetCenter: [0, '-78%'],
          itemStyle: { color: TARGET_COLOR },
        },
        anchor: { show: false },
        title: { show: false },
        detail: { show: false },
        data: [{ value: Math.min(r.target, r.max) }],
        silent: true,
      },
    ],
  };
}
