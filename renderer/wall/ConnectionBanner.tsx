// The band across the top of a surface whenever its figures may not be live: the window lost the host, or the
// host lost the hub. Text and outline say which, not colour alone; the tiles below keep their last values.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedStatus } from '../../src/contract/host-status.js';
import { formatDuration, formatNumber, formatTime } from '../../src/i18n/format.js';
import { useLocale } from '../app/i18n';
import type { BridgeConnection } from '../bridge/bridge-client';
import { LinkIcon } from '../ui/icons';
import { bridgeShape, feedShape } from '../ui/link-shape';

interface ConnectionBannerProps {
  connection: BridgeConnection;
  feed: FeedStatus | null;
}

export function ConnectionBanner({ connection, feed }: ConnectionBannerProps): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  let shape;
  let message: string;
  const details: string[] = [];
  if (connection.state !== 'connected') {
    // Without the host, its last word on the hub is no longer news: speak of the host only.
    shape = bridgeShape(connection.state);
    message = connection.state === 'rejected' ? t('banner.bridgeRejected') : t('banner.bridgeDown');
    if (connection.error) details.push(t('banner.lastError', { error: connection.error }));
  } else if (feed && feed.state !== 'connected') {
    shape = feedShape(feed.state);
    message =
      feed.state === 'connecting'
        ? t('banner.feedConnecting')
        : feed.state === 'reconnecting'
          ? t('banner.feedReconnecting')
          : t('banner.feedOffline');
    details.push(t('banner.since', { time: formatTime(feed.since) }));
    const newest = newestEventTime(feed);
    if (newest !== null) details.push(t('age.updatedAt', { time: formatTime(newest) }));
    if (feed.lastError) details.push(t('banner.lastError', { error: feed.lastError }));
  } else if (feed?.catchUp) {
    // Connected but replaying what was missed: figures are catching up, not live yet.
    const { replayed, total, etaS } = feed.catchUp;
    shape = 'connecting' as const;
    message = t('banner.catchUp', { replayed: formatNumber(replayed, locale), total: formatNumber(total, locale) });
    if (etaS !== null) details.push(t('banner.eta', { eta: formatDuration(etaS * 1000, locale) }));
  } else {
    return null;
  }
  const tone = connection.state === 'rejected' || feed?.state === 'offline' ? 'error' : 'warning';
  return (
    <div className={`banner banner--${tone}`} role="alert" data-testid="connection-banner">
      <LinkIcon shape={shape} className="banner__icon" />
      <strong className="banner__message">{message}</strong>
      {details.length > 0 && <span className="banner__details">{details.join(' · ')}</span>}
    </div>
  );
}

function newestEventTime(feed: FeedStatus): number | null {
  let newest: number | null = null;
  for (const topic of Object.values(feed.topics)) {
    if (topic.lastEventTime !== null && (newest === null || topic.lastEventTime > newest)) newest = topic.lastEventTime;
  }
  return newest;
}
