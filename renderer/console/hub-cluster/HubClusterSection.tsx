// "Cụm hub": every hub of this host's `--hub` list as the hub's own status says it — producing or standby, NATS
// lost, events waiting, stream messages refused, not answering — the one this console is on marked. For the admin
// and the security officer watching a site's hubs; from `hubs` in the host's status.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubView } from '../../../src/contract/hub-cluster.js';
import { formatDate, formatNumber, formatTime } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { HUB_MARK, type HubNote, hubRow } from './hub-row';
import './hub-cluster.css';

export function HubClusterSection({ hubs }: { hubs: readonly HubView[] }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const noteText = (note: HubNote): string =>
    'n' in note
      ? t(`hubCluster.note.${note.key}`, { n: formatNumber(note.n, locale) })
      : t(`hubCluster.note.${note.key}`);
  return (
    <section aria-labelledby="hub-cluster-title" data-testid="hub-cluster">
      <h2 id="hub-cluster-title">{t('hubCluster.title')}</h2>
      <p id="hub-cluster-intro">{t('hubCluster.intro')}</p>
      {hubs.length === 0 ? (
        <p>{t('hubCluster.none')}</p>
      ) : (
        // Focusable so a keyboard can scroll a wide table; the heading names the region for a screen reader.
        <div
          className="hub-cluster__scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="hub-cluster-title"
          aria-describedby="hub-cluster-intro"
        >
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('hubCluster.columns.state')}</th>
                <th scope="col">{t('hubCluster.columns.hub')}</th>
                <th scope="col">{t('hubCluster.columns.log')}</th>
                <th scope="col">{t('hubCluster.columns.version')}</th>
                <th scope="col">{t('hubCluster.columns.checkedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {hubs.map((hub) => {
                const row = hubRow(hub);
                return (
                  <tr
                    key={hub.url}
                    data-testid="hub-cluster-row"
                    data-hub={hub.url}
                    data-health={row.health}
                    className={`hub-cluster--${row.health}${hub.current ? ' hub-cluster__current' : ''}`}
                    aria-current={hub.current ? 'true' : undefined}
                  >
                    <td>
                      <span className="hub-cluster__mark" aria-hidden="true">
                        {HUB_MARK[row.health]}
                      </span>
                      <span className="hub-cluster__notes">{row.notes.map(noteText).join(' · ')}</span>
                      {hub.error && <div className="hub-cluster__error">{hub.error}</div>}
                    </td>
                    <th scope="row">
                      <code>{hub.url}</code>
                      {hub.answer?.name && ` (${hub.answer.name})`}
                      {hub.current && <strong> — {t('hubCluster.current')}</strong>}
                    </th>
                    <td>{hub.answer ? t(`hubCluster.log.${hub.answer.log}`) : '—'}</td>
                    <td>{hub.answer?.version ?? '—'}</td>
                    <td>
                      {hub.checkedAt === null ? '—' : `${formatTime(hub.checkedAt)} ${formatDate(hub.checkedAt)}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
