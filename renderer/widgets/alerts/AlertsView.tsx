// An alerts tile: open alerts, each with severity and state as text and shape (unacknowledged: a flashing ▲,
// steady and outlined under prefers-reduced-motion; acknowledged: ✓; cleared but unacknowledged: △), where, what
// and how long ago; hidden ones (shelved, suppressed, out of service) only counted.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmState } from '../../../src/domain/alarms/alarm-schema.js';
import { provinceName } from '../../../src/domain/provinces.js';
import { formatAge } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { PriorityIcon } from '../../ui/icons';
import { useWallNow } from '../../state/wall-now';
import { eventsOf } from '../../state/payloads';
import { useLatest } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { tileAlerts } from './alert-order';
import type { AlertsSettings } from './alerts-settings';

/** The state's shape, beside its name: never colour alone. */
const STATE_MARK: Partial<Record<AlarmState, string>> = { unack: '▲', acked: '✓', rtnun: '△' };

export function AlertsView({ settings }: WidgetProps<AlertsSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['ops.alerts']);
  const now = useWallNow();
  const { listed: open, hidden } = tileAlerts(
    eventsOf(values, 'ops.alerts').map((e) => e.payload),
    settings,
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
            <li key={a.id} className={`alert alert--${a.priority} alert--${a.state}`} data-state={a.state}>
              <span className="alert__severity">
                <span className="alert__mark" aria-hidden="true">
                  {STATE_MARK[a.state]}
                </span>
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
      {hidden > 0 && <p className="alerts__hidden">{t('alarmWall.hiddenCount', { count: hidden })}</p>}
    </div>
  );
}
