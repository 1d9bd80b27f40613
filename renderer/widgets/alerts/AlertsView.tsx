// An alerts tile: open alerts, each with severity as text and shape, where, what and how long ago.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceName } from '../../../src/domain/provinces.js';
import { formatAge } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { SeverityIcon } from '../../ui/icons';
import { useWallNow } from '../../state/wall-now';
import { eventsOf } from '../../state/payloads';
import { useLatest } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { openAlerts } from './alert-order';
import type { AlertsSettings } from './alerts-settings';

export function AlertsView({ settings }: WidgetProps<AlertsSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['ops.alerts']);
  const now = useWallNow();
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
            <li key={a.id} className={`alert alert--${a.severity}`}>
              <span className="alert__severity">
                <SeverityIcon severity={a.severity} />
                {t(`severity.${a.severity}`)}
              </span>
              <span className="alert__title">{a.title}</span>
              <span className="alert__where">
                {provinceName(a.province, locale)}
                {' · '}
                {t(`alertCategory.${a.category}`)}
                {a.state === 'acknowledged' && ` · ${t('alertState.acknowledged')}`}
              </span>
              <span className="alert__age">{formatAge(now - a.raisedAt, locale)}</span>
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
