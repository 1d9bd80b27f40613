// Beside the feed's state on the console: the hub the host is on and since when, the hubs it may move between, and
// its last move with why (`--hub URL1,URL2,…`). Terms and definitions of the feed's <dl>.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubFailoverStatus } from '../../../src/contract/host-status.js';
import { formatDate, formatTime } from '../../../src/i18n/format.js';

const at = (time: number): string => `${formatDate(time)} ${formatTime(time)}`;

export function HubFailoverFacts({ failover }: { failover: HubFailoverStatus }): ReactNode {
  const { t } = useTranslation();
  const { current, since, lastMove, hubs } = failover;
  return (
    <>
      <dt>{t('failover.current')}</dt>
      <dd data-hub-current={current ?? ''}>
        {current === null ? (
          t('failover.none')
        ) : (
          <>
            <code>{current}</code> {since !== null && t('failover.since', { time: at(since) })}
          </>
        )}
      </dd>
      {hubs.length > 1 && (
        <>
          <dt>{t('failover.hubs', { n: hubs.length })}</dt>
          <dd>
            {hubs.map((hub, i) => (
              <span key={hub}>
                {i > 0 && ' · '}
                <code>{hub}</code>
              </span>
            ))}
          </dd>
          <dt>{t('failover.lastMove')}</dt>
          <dd data-hub-move-reason={lastMove?.reason ?? ''}>
            {lastMove === null
              ? t('failover.noMove')
              : `${t('failover.move', { from: lastMove.from, to: lastMove.to, time: at(lastMove.at) })}: ${t(
                  `failover.reason.${lastMove.reason}`,
                )}${lastMove.detail ? ` (${lastMove.detail})` : ''}`}
          </dd>
        </>
      )}
    </>
  );
}
