// The ECharts option of a stacked-bars tile: one horizontal bar per unit, one stacked segment per status, each
// segment labelled with its count and each status named in the legend with its mark (not by colour alone).
import type { FormatLocale } from '../../../src/i18n/format.js';
import { valueLabel } from '../../charts/axis-format';
import type { ChartOption } from '../../charts/echarts-setup';
import { AXIS_FONT_SIZE, TEXT_COLOR } from '../../charts/wall-theme';
import type { TaskStatus } from './stacked-settings';
import type { UnitStacks } from './unit-stacks';

/** Colours match the tasks tile's (theme.css): overdue red, in progress cyan, late amber, on time green. */
const STATUS_COLOR: Record<TaskStatus, string> = {
  overdue: '#ff5a5a',
  in_progress: '#62d0ff',
  done_late: '#ffb627',
  done_on_time: '#3ddc84',
};

export const STATUS_MARK: Record<TaskStatus, string> = {
  in_progress: '◔',
  overdue: '!',
  done_on_time: '✓',
  done_late: '✓!',
};

export function stackedOption(
  data: UnitStacks,
  statusName: (status: TaskStatus) => string,
  locale: FormatLocale,
): ChartOption {
  return {
    animation: false,
    // The legend is HTML under the chart: it wraps like text and stays large in a narrow tile.
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => valueLabel(v, locale, 0) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...data.units],
      axisLabel: { color: TEXT_COLOR, fontSize: AXIS_FONT_SIZE - 2, width: 300, overflow: 'truncate' },
    },
    series: data.stacks.map(({ status, counts }) => ({
      type: 'bar',
      stack: 'tasks',
      name: `${STATUS_MARK[status]} ${statusName(status)}`,
      data: [...counts],
      itemStyle: { color: STATUS_COLOR[status], borderColor: '#000', borderWidth: 1 },
      label: {
        show: true,
        color: '#000',
        fontWeight: 700,
        fontSize: AXIS_FONT_SIZE - 2,
        formatter: (p: { value?: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
      },
      barCategoryGap: '30%',
      silent: true,
    })),
  };
}
