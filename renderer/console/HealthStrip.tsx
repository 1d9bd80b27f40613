// One cell per monitor at the top of the console: each of its surfaces with its health in words and shape,
// frames per second, the age of its last heartbeat, and the wall's newest data; then the latest window events.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostStatus } from '../../src/contract/host-status.js';
import { formatAge, formatTime } from '../../src/i18n/format.js';
import { useLocale } from '../app/i18n';
import { LinkIcon, type LinkShape } from '../ui/icons';
import { surfaceHealth, type SurfaceHealth } from './surface-health';
import './health.css';

const SHAPE: Record<SurfaceHealth, LinkShape> = {
  ok: 'ok',
  degraded: 'reconnecting',
  silent: 'connecting',
  starting: 'connecting',
  idle: 'connecting',
  down: 'down',
};

export function HealthStrip({ status, now }: { status: HostStatus; now: number }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const newestData = Math.max(0, ...Object.values(status.feed.topics).map((x) => x.lastEventTime ?? 0));
  const events = status.windowEvents.slice(-5).reverse();
  return (
    <section className="health" data-testid="health-strip">
      <h2>{t('health.title')}</h2>
      <ul className="health__monitors">
        {status.monitors.map((m) => (
          <li key={m.id} className="health__monitor" data-monitor-id={m.id}>
            <strong>{m.name}</strong>
            {status.surfaces
              .filter((s) => s.monitorId === m.id)
              .map((s) => {
                const health = surfaceHealth(s, now);
                return (
                  <p
                    key={s.id}
                    className={`health__surface health--${health}`}
                    data-surface-id={s.id}
                    data-health={health}
                  >
                    <LinkIcon shape={SHAPE[health]} />
                    <span>
                      {s.id}: {t(`health.state.${health}`)}
                      {s.heartbeat && (
                        <>
                          {' · '}
                          {t('health.fps', { fps: Math.round(s.heartbeat.fps) })}
                          {' · '}
                          {t('health.beat', { age: formatAge(now - s.heartbeat.at, locale) })}
                        </>
                      )}
                      {s.window.restarts > 0 && ` · ${t('health.restarts', { count: s.window.restarts })}`}
                    </span>
                  </p>
                );
              })}
          </li>
        ))}
      </ul>
      <p className="health__data">
        {newestData > 0 ? t('health.newestData', { time: formatTime(newestData) }) : t('health.noData')}
      </p>
      {events.length > 0 && (
        <ul className="health__events">
          {events.map((e) => (
            <li key={`${e.at}-${e.surfaceId}-${e.event}`}>
              {formatTime(e.at)} · {e.surfaceId}: {t(`health.event.${e.event}`)} {e.detail && `(${e.detail})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
