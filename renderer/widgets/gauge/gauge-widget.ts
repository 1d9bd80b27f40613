// The `gauge` widget kind: a figure against a target (a dial or a bullet bar).
import { defineWidget } from '../widget-definition';
import { GaugeSettings } from './gauge-settings';
import { gaugeFigure } from './gauge-figure';
import { GaugeView } from './GaugeView';

export const gaugeWidget = defineWidget<GaugeSettings>({
  kind: 'gauge',
  labelKey: 'widgetKind.gauge',
  settings: GaugeSettings,
  topics: () => ['econ.indicators'],
  asOf: (settings, values) => {
    try {
      return gaugeFigure(settings, values)?.time ?? null;
    } catch {
      // The view shows the error; the badge then reads "no data".
      return null;
    }
  },
  Component: GaugeView,
});
