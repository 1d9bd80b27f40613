// The `connection` widget kind: the health of the data path, read from the session rather than from topics.
import { defineWidget } from '../widget-definition';
import { ConnectionSettings } from './connection-settings';
import { ConnectionView } from './ConnectionView';

export const connectionWidget = defineWidget<ConnectionSettings>({
  kind: 'connection',
  labelKey: 'widgetKind.connection',
  settings: ConnectionSettings,
  topics: () => [],
  liveOnly: true,
  Component: ConnectionView,
});
