// The `tasks` widget kind.
import { registerWidget } from '../registry';
import type { WidgetDefinition } from '../widget-definition';
import { TasksSettings } from './tasks-settings';
import { TasksView } from './TasksView';

const tasksWidget: WidgetDefinition<TasksSettings> = {
  kind: 'tasks',
  settings: TasksSettings,
  topics: () => ['gov.tasks'],
  Component: TasksView,
};

registerWidget(tasksWidget);
