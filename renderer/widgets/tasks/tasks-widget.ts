// The `tasks` widget kind.
import { defineWidget } from '../widget-definition';
import { TasksSettings } from './tasks-settings';
import { TasksView } from './TasksView';

export const tasksWidget = defineWidget<TasksSettings>({
  kind: 'tasks',
  labelKey: 'widgetKind.tasks',
  settings: TasksSettings,
  topics: () => ['gov.tasks'],
  Component: TasksView,
});
