// An alerts tile: open alerts, each with severity as text and shape, where, what and how long ago.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceName } from '../../../src/domain/provinces.js';
import { formatAge } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { PriorityIcon } from '../../ui/icons';
import { useNow } from '../../state/now';
import { eventsOf } from '../../state/payloads';
import { useLatest, useSessionSnapshot } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { openAlerts } from './alert-order';
import type { AlertsSettings } from './alerts-settings';

export function AlertsView({ settings }: WidgetProps<AlertsSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['ops.alerts']);
  const { clockOffsetMs } = useSessionSnapshot();
  const now = useNow(clockOffsetMs);
  const open = openAlerts(
    eventsOf(values, 'ops.alerts').map((e) => e.payload),
    settings.includeAcknowledged,
  );
  const shown = open.slice(0, settings.limit);
  return (
    <div className="alerts">
      <h2 className="tile-title">
        {t('alerts.title')} <span className="tile-title__count">({open.length})</span>
      </h2>
      {open.length === 0 && <p className="alerts__none">{t('alerts.none')}</p>}
      <ol className="alerts__list">
        {shown.map((a) => {
          return (
            <li key={a.id} className={`alert alert--${a.priority}`}>
              <span className="alert__severity">
                <PriorityIcon priority={a.priority} />
                {t(`priority.${a.priority}`)}
              </span>
              <span className="alert__title">{a.title}</span>
              <span className="alert__where">
                {a.area.province ? provinceName(a.area.province, locale) : t('alerts.national')}
                {' · '}
                {t(`alarmState.${a.state}`)}
              </span>
              <span className="alert__age">{formatAge(now - (a.activatedAt ?? a.updatedAt), locale)}</span>
            </li>
          );
        })}
      </ol>
      {open.length > shown.length && (
        <p className="alerts__more">{t('alerts.more', { count: open.length - shown.length })}</p>
      )}
    </div>
  );
}
