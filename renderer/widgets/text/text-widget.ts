// The `text` widget kind: a notice, an agenda, a message to the room.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { TextSettings } from './text-settings';
import { TextView } from './TextView';

const textWidget: WidgetDefinition<TextSettings> = {
  kind: 'text',
  settings: TextSettings,
  topics: () => [],
  Component: TextView,
};

registerWidget(textWidget);
