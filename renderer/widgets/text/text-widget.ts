// The `text` widget kind: a notice, an agenda, a message to the room.
import { defineWidget } from '../widget-definition';
import { TextSettings } from './text-settings';
import { TextView } from './TextView';

export const textWidget = defineWidget<TextSettings>({
  kind: 'text',
  labelKey: 'widgetKind.text',
  settings: TextSettings,
  topics: () => [],
  Component: TextView,
});
