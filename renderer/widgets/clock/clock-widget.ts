// The `clock` widget kind: reads no topic, so it is never stale and never waits.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { ClockSettings } from './clock-settings';
import { ClockView } from './ClockView';

export const clockWidget: WidgetDefinition<ClockSettings> = {
  kind: 'clock',
  settings: ClockSettings,
  topics: () => [],
  Component: ClockView,
};

registerWidget(clockWidget);
