// The `stacked` widget kind: tasks per responsible unit, stacked by status.
import { defineWidget } from '../widget-definition';
import { StackedSettings } from './stacked-settings';
import { StackedView } from './StackedView';

export const stackedWidget = defineWidget<StackedSettings>({
  kind: 'stacked',
  labelKey: 'widgetKind.stacked',
  settings: StackedSettings,
  topics: () => ['gov.tasks'],
  Component: StackedView,
});
