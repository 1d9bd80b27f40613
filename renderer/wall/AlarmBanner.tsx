// The band across every wall surface while a Khẩn cấp alarm waits for someone (or an alarm was escalated): a ▲,
// the words and the count, never colour alone. During a briefing it shrinks to a corner note so the scene stays
// the leaders'. A surface's layout can turn it off (`alarmBanner: false`).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceName } from '../../src/domain/provinces.js';
import { useLocale } from '../app/i18n';
import { eventsOf } from '../state/payloads';
import { useLatest } from '../state/session-context';
import { alarmBanner } from './alarm-banner';

export function AlarmBanner({ briefingActive }: { briefingActive: boolean }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(['ops.alerts']);
  const banner = alarmBanner(
    eventsOf(values, 'ops.alerts').map((e) => e.payload),
    briefingActive,
  );
  if (!banner) return null;
  const { emergencies, escalated, latest, discreet } = banner;
  if (discreet) {
    return (
      <div className="alarm-banner alarm-banner--discreet" role="status">
        <span aria-hidden="true">▲</span> {t('alarmWall.bannerBriefing', { count: emergencies + escalated })}
      </div>
    );
  }
  const where = latest.area.province ? provinceName(latest.area.province, locale) : t('alerts.national');
  return (
    <div className="alarm-banner" role="alert">
      <span className="alarm-banner__mark" aria-hidden="true">
        ▲
      </span>
      {emergencies > 0 && <strong>{t('alarmWall.banner', { count: emergencies })}</strong>}
      {escalated > 0 && <strong>{t('alarmWall.bannerEscalated', { count: escalated })}</strong>}
      <span className="alarm-banner__latest">
        {latest.title} · {where}
      </span>
    </div>
  );
}
