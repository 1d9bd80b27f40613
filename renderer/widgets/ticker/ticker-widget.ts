// The `ticker` widget kind: a scrolling line of the latest alerts, or of fixed messages.
import { defineWidget } from '../widget-definition';
import { TickerSettings } from './ticker-settings';
import { TickerView } from './TickerView';

export const tickerWidget = defineWidget<TickerSettings>({
  kind: 'ticker',
  labelKey: 'widgetKind.ticker',
  settings: TickerSettings,
  topics: (settings) => (settings.source === 'alerts' ? ['ops.alerts'] : []),
  Component: TickerView,
});
