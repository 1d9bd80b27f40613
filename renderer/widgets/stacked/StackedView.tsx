// Stacked bars: Government-assigned tasks of each responsible unit by status.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { ChartTile } from '../../charts/ChartTile';
import { WarningIcon } from '../../ui/icons';
import { eventsOf } from '../../state/payloads';
import { useLatest } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { STATUS_MARK, stackedOption } from './stacked-option';
import type { StackedSettings } from './stacked-settings';
import { unitStacks } from './unit-stacks';

export function StackedView({ settings }: WidgetProps<StackedSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['gov.tasks']);
  const data = unitStacks(eventsOf(values, 'gov.tasks'), settings.statuses, settings.top);
  const shown = JSON.stringify([data.units, data.stacks]);
  const option = useMemo(
    () => (data.units.length === 0 ? null : stackedOption(data, (s) => t(`taskStatus.${s}`), locale)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, locale, t],
  );
  return (
    <ChartTile
      kind="stacked"
      title={t('chart.tasksByUnit')}
      subtitle={t('tasks.total', { count: formatNumber(data.totalTasks, locale) })}
      option={option}
      waiting={t('chart.waiting')}
    >
      <ul className="chart__legend" data-testid="chart-legend">
        {settings.statuses.map((s) => (
          <li key={s}>
            <span className={`chart__swatch chart__swatch--${s}`} aria-hidden="true" />
            {STATUS_MARK[s]} {t(`taskStatus.${s}`)}
          </li>
        ))}
      </ul>
      {data.problems.length > 0 && (
        <p className="chart__problem" role="alert">
          <WarningIcon />
          {t('chart.badRecords', {
            count: formatNumber(data.problems.length, locale),
            detail: data.problems.slice(0, 3).join('; '),
          })}
        </p>
      )}
    </ChartTile>
  );
}
