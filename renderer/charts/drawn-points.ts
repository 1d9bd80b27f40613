// How many points the chart drew after ECharts' own sampling (LTTB). ECharts has no public API for this: the
// sampled data replaces the series' data inside its model, reachable only through the instance's `getModel`,
// which exists at run time but is private in its types. Read it defensively, so an ECharts upgrade that moves
// it degrades to "unknown" (-1) instead of breaking the chart.

interface SeriesDataView {
  count(): number;
}
interface SeriesModelView {
  getData(): SeriesDataView;
}
interface GlobalModelView {
  getSeries(): SeriesModelView[];
}

function hasGetModel(chart: object): chart is { getModel(): GlobalModelView | null } {
  return typeof (chart as { getModel?: unknown }).getModel === 'function';
}

/** Typed as a plain object: ECharts' own type declares `getModel` private, which would hide it here. */
export function drawnPoints(chart: object): number {
  if (!hasGetModel(chart)) return -1;
  const model = chart.getModel();
  if (!model || typeof model.getSeries !== 'function') return -1;
  let total = 0;
  for (const series of model.getSeries()) total += series.getData().count();
  return total;
}
