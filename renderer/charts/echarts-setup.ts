// The one place the renderer touches ECharts' module registry: only the chart types, components and the canvas
// renderer the wall draws with are pulled in (echarts/core), which keeps the bundle a fraction of the full build.
import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption } from 'echarts/components';
import { init, registerTheme, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { WALL_THEME, WALL_THEME_NAME } from './wall-theme';

use([LineChart, BarChart, GaugeChart, GridComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);
registerTheme(WALL_THEME_NAME, WALL_THEME);

/** Every option a wall chart may use; anything else would need its component registered above. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GaugeSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

/** A chart in `element`, always on canvas: a wall of many charts repaints cheaper on canvas than as SVG DOM. */
export function createChart(element: HTMLElement): EChartsType {
  return init(element, WALL_THEME_NAME, { renderer: 'canvas' });
}
