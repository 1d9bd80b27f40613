// A connection tile: is the window linked to the host, the host to the hub, and how far behind each topic is.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_TOPICS } from '../../../src/contract/topics.js';
import { formatAge, formatNumber } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { LinkIcon } from '../../ui/icons';
import { TopicLabel } from '../../ui/TopicLabel';
import { bridgeShape, feedShape } from '../../ui/link-shape';
import { useNow } from '../../state/now';
import { useSessionSnapshot } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import type { ConnectionSettings } from './connection-settings';

export function ConnectionView(_props: WidgetProps<ConnectionSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { connection, feed, clockOffsetMs } = useSessionSnapshot();
  const now = useNow(clockOffsetMs);
  const topics = feed ? Object.entries(feed.topics).sort(([a], [b]) => topicOrder(a) - topicOrder(b)) : [];
  return (
    <div className="connection">
      <h2 className="tile-title">{t('connection.title')}</h2>
      <p className={`connection__link connection__link--${connection.state}`}>
        <LinkIcon shape={bridgeShape(connection.state)} />
        <span>
          {t('connection.bridge')}: {t(`bridgeShort.${connection.state}`)}
        </span>
      </p>
      {feed && (
        <p className={`connection__link connection__link--${feed.state}`}>
          <LinkIcon shape={feedShape(feed.state)} />
          <span>
            {t('connection.hub')}: {t(`feedState.${feed.state}`)}
          </span>
        </p>
      )}
      {feed?.catchUp && (
        <p className="connection__link connection__link--reconnecting">
          <LinkIcon shape="connecting" />
          <span>
            {formatNumber(feed.catchUp.replayed, locale)}/{formatNumber(feed.catchUp.total, locale)}
          </span>
        </p>
      )}
      {feed && topics.length === 0 && <p>{t('connection.noTopics')}</p>}
      {topics.length > 0 && (
        <dl className="connection__topics">
          {topics.map(([topic, s]) => (
            <div
              key={topic}
              className={s.lag > 0 ? 'connection__topic connection__topic--behind' : 'connection__topic'}
            >
              <dt>
                <TopicLabel topic={topic} fallback={topic} />
              </dt>
              <dd>
                {t('connection.offset', { offset: formatNumber(s.offset, locale) })}
                {' · '}
                {s.lag > 0 ? t('connection.behind', { count: formatNumber(s.lag, locale) }) : t('connection.upToDate')}
                <span className="connection__age">
                  {' · '}
                  {s.lastEventTime === null
                    ? t('connection.noEvents')
                    : t('connection.lastEvent', { age: formatAge(now - s.lastEventTime, locale) })}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function topicOrder(topic: string): number {
  const i = (KNOWN_TOPICS as readonly string[]).indexOf(topic);
  return i < 0 ? KNOWN_TOPICS.length : i;
}
