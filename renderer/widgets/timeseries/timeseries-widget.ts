// The `timeseries` widget kind: a line over time of one key's payload.value.
import { defineWidget } from '../widget-definition';
import { TimeseriesSettings } from './timeseries-settings';
import { TimeseriesView } from './TimeseriesView';

export const timeseriesWidget = defineWidget<TimeseriesSettings>({
  kind: 'timeseries',
  labelKey: 'widgetKind.timeseries',
  settings: TimeseriesSettings,
  topics: (settings) => [settings.topic],
  asOf: (settings, values) => values.get(settings.topic, settings.key)?.time ?? null,
  crossesSeams: true,
  Component: TimeseriesView,
});
