// The `alerts` widget kind.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { AlertsSettings } from './alerts-settings';
import { AlertsView } from './AlertsView';

const alertsWidget: WidgetDefinition<AlertsSettings> = {
  kind: 'alerts',
  settings: AlertsSettings,
  topics: () => ['ops.alerts'],
  Component: AlertsView,
};

registerWidget(alertsWidget);
