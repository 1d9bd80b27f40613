// A tasks tile: how many Government-assigned tasks are in progress, overdue, done on time or late, and which
// units hold the longest-overdue ones.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, isoDateInZone } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { WarningIcon } from '../../ui/icons';
import { useWallNow } from '../../state/wall-now';
import { eventsOf } from '../../state/payloads';
import { useLatest } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { summarizeTasks, TASK_STATUSES } from './task-summary';
import type { TasksSettings } from './tasks-settings';

const STATUS_MARK: Record<(typeof TASK_STATUSES)[number], string> = {
  in_progress: '◔',
  overdue: '!',
  done_on_time: '✓',
  done_late: '✓!',
};

export function TasksView({ settings }: WidgetProps<TasksSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['gov.tasks']);
  const today = isoDateInZone(useWallNow(), settings.timeZone);
  const summary = summarizeTasks(
    eventsOf(values, 'gov.tasks').map((e) => e.payload),
    today,
  );
  return (
    <div className="tasks">
      <h2 className="tile-title">
        {t('tasks.title')}{' '}
        <span className="tile-title__count">({t('tasks.total', { count: formatNumber(summary.total, locale) })})</span>
      </h2>
      <ul className="tasks__counts">
        {TASK_STATUSES.map((status) => (
          <li key={status} className={`tasks__count tasks__count--${status}`}>
            <span className="tasks__count-value">{formatNumber(summary.counts[status], locale)}</span>
            <span className="tasks__count-label">
              <span className="tasks__mark" aria-hidden="true">
                {STATUS_MARK[status]}
              </span>{' '}
              {t(`taskStatus.${status}`)}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="tasks__subtitle">{t('tasks.mostOverdue')}</h3>
      {summary.overdue.length === 0 ? (
        <p>{t('tasks.noneOverdue')}</p>
      ) : (
        <ol className="tasks__overdue">
          {summary.overdue.slice(0, settings.limit).map((task) => (
            <li key={task.id} className="overdue">
              <span className="overdue__unit">{task.unit}</span>
              <span className="overdue__title">{task.title}</span>
              <span className="overdue__days">
                <WarningIcon />
                {t('tasks.daysOverdue', { days: formatNumber(task.daysOverdue, locale) })}
                {' · '}
                {t('tasks.dueOn', { date: formatDate(Date.parse(`${task.dueDate}T12:00:00Z`), 'UTC') })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
