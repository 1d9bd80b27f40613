// The `bars` widget kind: provinces compared on one indicator.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { BarsSettings } from './bars-settings';
import { BarsView } from './BarsView';

const barsWidget: WidgetDefinition<BarsSettings> = {
  kind: 'bars',
  settings: BarsSettings,
  topics: () => ['econ.indicators'],
  Component: BarsView,
};

registerWidget(barsWidget);
