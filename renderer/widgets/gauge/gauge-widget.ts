// The `gauge` widget kind: a figure against a target (a dial or a bullet bar).
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { GaugeSettings } from './gauge-settings';
import { gaugeFigure } from './gauge-figure';
import { GaugeView } from './GaugeView';

const gaugeWidget: WidgetDefinition<GaugeSettings> = {
  kind: 'gauge',
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
};

registerWidget(gaugeWidget);
