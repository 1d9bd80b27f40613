// The console's tables: monitors, wall surfaces with their windows and heartbeats, and the feed per topic.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedStatus, SurfaceStatus } from '../../src/contract/host-status.js';
import type { Monitor } from '../../src/contract/wall.js';
import { formatAge, formatTime } from '../../src/i18n/format.js';
import { useLocale } from '../app/i18n';
import { LinkIcon } from '../ui/icons';
import { feedShape } from '../ui/link-shape';
import { Num } from '../ui/Num';
import { TopicLabel } from '../ui/TopicLabel';
import { useNow } from '../state/now';
import { HubFailoverFacts } from './failover/HubFailoverFacts';
import { CatchUpProgress } from './replay/CatchUpProgress';

export function MonitorsTable({ monitors }: { monitors: readonly Monitor[] }): ReactNode {
  const { t } = useTranslation();
  if (monitors.length === 0) return <p>{t('console.none')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('console.id')}</th>
          <th>{t('console.name')}</th>
          <th>{t('console.geometry')}</th>
        </tr>
      </thead>
      <tbody>
        {monitors.map((m) => (
          <tr key={m.id}>
            <td>
              <code>{m.id}</code>
            </td>
            <td>
              {m.name}
              {m.primary && ` (${t('console.primary')})`}
            </td>
            <td>
              {m.width}×{m.height} @ ({m.x}, {m.y})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SurfacesTable({ surfaces }: { surfaces: readonly SurfaceStatus[] }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  if (surfaces.length === 0) return <p>{t('console.none')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('console.id')}</th>
          <th>{t('console.monitor')}</th>
          <th>{t('console.window')}</th>
          <th>{t('console.pid')}</th>
          <th>{t('console.restarts')}</th>
          <th>{t('console.heartbeat')}</th>
          <th>{t('console.sample')}</th>
          <th>{t('console.fps')}</th>
          <th>{t('console.tileErrors')}</th>
          <th>{t('console.open')}</th>
        </tr>
      </thead>
      <tbody>
        {surfaces.map((s) => (
          <tr key={s.id} data-surface-id={s.id}>
            <td>
              <code>{s.id}</code>
            </td>
            <td>
              <code>{s.monitorId}</code>
            </td>
            <td className={`window-state window-state--${s.window.state}`}>{t(`windowState.${s.window.state}`)}</td>
            <td>{s.window.pid ?? '–'}</td>
            <td>
              <Num value={s.window.restarts} />
            </td>
            <td>{s.heartbeat ? formatAge(now - s.heartbeat.at, locale) : t('console.never')}</td>
            <td>{s.heartbeat?.sample || '–'}</td>
            <td>{s.heartbeat ? <Num value={s.heartbeat.fps} /> : '–'}</td>
            <td>{s.heartbeat ? `${s.heartbeat.tileErrors}/${s.heartbeat.tiles}` : '–'}</td>
            <td>
              <a className="button" href={`#/wall/${encodeURIComponent(s.id)}`}>
                {t('console.open')} {s.id}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FeedSection({ feed }: { feed: FeedStatus }): ReactNode {
  const { t } = useTranslation();
  const topics = Object.entries(feed.topics).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <dl className="facts">
        <dt>{t('console.hub')}</dt>
        <dd>
          <code>{feed.hub}</code>
        </dd>
        <dt>{t('console.state')}</dt>
        <dd className={`feed-state feed-state--${feed.state}`}>
          <LinkIcon shape={feedShape(feed.state)} />
          {t(`feedState.${feed.state}`)} · {formatTime(feed.since)}
          <CatchUpProgress catchUp={feed.catchUp} />
        </dd>
        {feed.lastError && (
          <>
            <dt>{t('console.lastError')}</dt>
            <dd>{feed.lastError}</dd>
          </>
        )}
        <HubFailoverFacts failover={feed.failover} />
      </dl>
      {topics.length === 0 ? (
        <p>{t('console.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('console.topic')}</th>
              <th>{t('console.offset')}</th>
              <th>{t('console.head')}</th>
              <th>{t('console.lag')}</th>
              <th>{t('console.lastEventTime')}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map(([topic, s]) => (
              <tr key={topic}>
                <td>
                  <code>{topic}</code> <TopicLabel topic={topic} />
                </td>
                <td>
                  <Num value={s.offset} />
                </td>
                <td>
                  <Num value={s.head} />
                </td>
                <td className={s.lag > 0 ? 'lag lag--behind' : 'lag'}>
                  <Num value={s.lag} />
                </td>
                <td>{s.lastEventTime === null ? t('console.never') : formatTime(s.lastEventTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
