// The `kpi` widget kind: one big figure with its provenance.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { kpiFigure } from './kpi-figure';
import { KpiSettings } from './kpi-settings';
import { KpiView } from './KpiView';

const kpiWidget: WidgetDefinition<KpiSettings> = {
  kind: 'kpi',
  settings: KpiSettings,
  topics: (settings) => [settings.topic],
  asOf: (settings, values) => kpiFigure(settings, values)?.time ?? null,
  Component: KpiView,
};

registerWidget(kpiWidget);
