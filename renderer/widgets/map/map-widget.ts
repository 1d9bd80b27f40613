// The `map` widget kind: a choropleth of one indicator over the 34 provinces, with optional points, heat and arcs,
// and the areas of the warnings in force.
import { eventsOf } from '../../state/payloads';
import { defineWidget } from '../widget-definition';
import { MapSettings } from './map-settings';
import { indicatorFigures, newestFigureTime } from './map-values';
import { MapView } from './MapView';

export const mapWidget = defineWidget<MapSettings>({
  kind: 'map',
  labelKey: 'widgetKind.map',
  settings: MapSettings,
  // Old statistics from settings are static: such a tile reads only the warnings, which never turn stale.
  topics: (settings) => (settings.legacy ? ['ops.warnings'] : ['econ.indicators', 'ops.warnings']),
  asOf: (settings, values) =>
    settings.legacy
      ? null
      : newestFigureTime(indicatorFigures(eventsOf(values, 'econ.indicators'), settings.indicator)),
  crossesSeams: true,
  Component: MapView,
});
