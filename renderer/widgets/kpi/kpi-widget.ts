// The `kpi` widget kind: one big figure with its provenance.
import { defineWidget } from '../widget-definition';
import { kpiFigure } from './kpi-figure';
import { KpiSettings } from './kpi-settings';
import { KpiView } from './KpiView';

export const kpiWidget = defineWidget<KpiSettings>({
  kind: 'kpi',
  labelKey: 'widgetKind.kpi',
  settings: KpiSettings,
  topics: (settings) => [settings.topic],
  asOf: (settings, values) => kpiFigure(settings, values)?.time ?? null,
  Component: KpiView,
});
