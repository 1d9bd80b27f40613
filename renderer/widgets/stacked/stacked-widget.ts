// The `stacked` widget kind: tasks per responsible unit, stacked by status.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { StackedSettings } from './stacked-settings';
import { StackedView } from './StackedView';

const stackedWidget: WidgetDefinition<StackedSettings> = {
  kind: 'stacked',
  settings: StackedSettings,
  topics: () => ['gov.tasks'],
  Component: StackedView,
};

registerWidget(stackedWidget);
