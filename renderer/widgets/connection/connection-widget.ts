// The `connection` widget kind: the health of the data path, read from the session rather than from topics.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { ConnectionSettings } from './connection-settings';
import { ConnectionView } from './ConnectionView';

const connectionWidget: WidgetDefinition<ConnectionSettings> = {
  kind: 'connection',
  settings: ConnectionSettings,
  topics: () => [],
  Component: ConnectionView,
};

registerWidget(connectionWidget);
