// The `timeseries` widget kind: a line over time of one key's payload.value.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { TimeseriesSettings } from './timeseries-settings';
import { TimeseriesView } from './TimeseriesView';

const timeseriesWidget: WidgetDefinition<TimeseriesSettings> = {
  kind: 'timeseries',
  settings: TimeseriesSettings,
  topics: (settings) => [settings.topic],
  asOf: (settings, values) => values.get(settings.topic, settings.key)?.time ?? null,
  crossesSeams: true,
  Component: TimeseriesView,
};

registerWidget(timeseriesWidget);
