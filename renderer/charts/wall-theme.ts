// The charts' dark theme: the wall's colours (theme.css) and type large enough to read from five metres. Series
// colours are bright on black and distinguishable in grey too; charts also label what matters in text.
export const WALL_THEME_NAME = 'ioc-wall-dark';

/** Series colours in order: cyan, amber, green, magenta, white, orange. */
export const SERIES_COLORS = ['#62d0ff', '#ffb627', '#3ddc84', '#ff6ad5', '#f0f0f0', '#ff7a3d'] as const;

export const TEXT_COLOR = '#ffffff';
export const MUTED_COLOR = '#c3ccd6';
const GRID_LINE = '#2a3442';
/** Axis labels and legend: the wall's base size for a 1080-line monitor (about 2 vh). */
export const AXIS_FONT_SIZE = 22;

const axis = {
  axisLine: { show: true, lineStyle: { color: MUTED_COLOR, width: 2 } },
  axisTick: { show: false },
  axisLabel: { color: MUTED_COLOR, fontSize: AXIS_FONT_SIZE },
  splitLine: { show: true, lineStyle: { color: GRID_LINE, width: 1 } },
  nameTextStyle: { color: MUTED_COLOR, fontSize: AXIS_FONT_SIZE },
};

export const WALL_THEME = {
  color: [...SERIES_COLORS],
  backgroundColor: 'transparent',
  textStyle: {
    color: TEXT_COLOR,
    fontFamily: "'Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', sans-serif",
    fontSize: AXIS_FONT_SIZE,
  },
  legend: { textStyle: { color: TEXT_COLOR, fontSize: AXIS_FONT_SIZE }, itemWidth: 28, itemHeight: 18 },
  timeAxis: axis,
  valueAxis: axis,
  categoryAxis: { ...axis, splitLine: { show: false } },
  line: { lineStyle: { width: 4 }, symbol: 'none' },
  bar: { itemStyle: { borderRadius: 0 } },
};
