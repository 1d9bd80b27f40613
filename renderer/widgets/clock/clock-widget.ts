// The `clock` widget kind: reads no topic, so it is never stale and never waits.
import { defineWidget } from '../widget-definition';
import { ClockSettings } from './clock-settings';
import { ClockView } from './ClockView';

export const clockWidget = defineWidget<ClockSettings>({
  kind: 'clock',
  labelKey: 'widgetKind.clock',
  settings: ClockSettings,
  topics: () => [],
  liveOnly: true,
  Component: ClockView,
});
