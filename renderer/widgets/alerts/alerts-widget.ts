// The `alerts` widget kind.
import { defineWidget } from '../widget-definition';
import { AlertsSettings } from './alerts-settings';
import { AlertsView } from './AlertsView';

export const alertsWidget = defineWidget<AlertsSettings>({
  kind: 'alerts',
  labelKey: 'widgetKind.alerts',
  settings: AlertsSettings,
  topics: () => ['ops.alerts'],
  Component: AlertsView,
});
