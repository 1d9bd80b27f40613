// The `ticker` widget kind: a scrolling line of the latest alerts, or of fixed messages.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { TickerSettings } from './ticker-settings';
import { TickerView } from './TickerView';

const tickerWidget: WidgetDefinition<TickerSettings> = {
  kind: 'ticker',
  settings: TickerSettings,
  topics: (settings) => (settings.source === 'alerts' ? ['ops.alerts'] : []),
  Component: TickerView,
};

registerWidget(tickerWidget);
