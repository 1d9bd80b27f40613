// "Nguồn dữ liệu": each connector the hub runs — last run, figures accepted and rows refused, last error, next
// run — from the host's status; for an admin, a connector's dead letters with a button to replay one (the
// `connector.replay` command, through the outbox like every command, audited on the hub).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectorStatusRow, DeadLetterRow } from '../../../src/contract/connector-status.js';
import { formatDate, formatTime } from '../../../src/i18n/format.js';
import { callErrorText } from '../../app/ConnectingPage';
import { BridgeCallError } from '../../bridge/bridge-client';
import { Num } from '../../ui/Num';
import { useSession, useSessionSnapshot } from '../../state/session-context';
import { useCommand } from '../editor/use-command';

const when = (ms: number | null): string => (ms === null ? '—' : `${formatTime(ms)} ${formatDate(ms)}`);

export function ConnectorsSection({ connectors }: { connectors: readonly ConnectorStatusRow[] | null }): ReactNode {
  const { t } = useTranslation();
  const admin = useSessionSnapshot().person?.roles.includes('admin') ?? false;
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="connectors-title" data-testid="connectors">
      <h2 id="connectors-title">{t('connectors.title')}</h2>
      {connectors === null ? (
        <p>{t('connectors.remote')}</p>
      ) : connectors.length === 0 ? (
        <p>{t('connectors.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('connectors.id')}</th>
              <th scope="col">{t('connectors.kind')}</th>
              <th scope="col">{t('connectors.lastRun')}</th>
              <th scope="col">{t('connectors.accepted')}</th>
              <th scope="col">{t('connectors.refused')}</th>
              <th scope="col">{t('connectors.lastError')}</th>
              <th scope="col">{t('connectors.nextRun')}</th>
              <th scope="col">{t('connectors.deadLetters')}</th>
            </tr>
          </thead>
          <tbody>
            {connectors.map((c) => (
              <tr key={c.id} data-testid="connector-row">
                <td>{c.id}</td>
                <td>{c.kind}</td>
                <td>{when(c.lastRunAt)}</td>
                <td>
                  <Num value={c.accepted} />
                </td>
                <td>
                  <Num value={c.refused} />
                </td>
                <td className={c.lastError ? 'console__error' : undefined}>{c.lastError ?? '—'}</td>
                <td>{when(c.nextRunAt)}</td>
                <td>
                  <Num value={c.deadLetters} />{' '}
                  {admin && (
                    <button type="button" className="button" onClick={() => setOpen(open === c.id ? null : c.id)}>
                      {t('connectors.showDeadLetters')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && open && <DeadLetters key={open} connectorId={open} />}
    </section>
  );
}

type Loaded = { state: 'loading' } | { state: 'done'; letters: DeadLetterRow[] } | { state: 'failed'; error: string };

function DeadLetters({ connectorId }: { connectorId: string }): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const load = useCallback((): void => {
    session.client
      .call('deadLetters', { connectorId, limit: 100 })
      .then((letters) => setLoaded({ state: 'done', letters }))
      .catch((err: unknown) =>
        setLoaded({ state: 'failed', error: err instanceof BridgeCallError ? callErrorText(err, t) : String(err) }),
      );
  }, [session, connectorId, t]);
  useEffect(load, [load]);
  const command = useCommand(() => load());
  const done = command.state.phase === 'applied' || command.state.phase === 'rejected' ? command.state : null;

  if (loaded.state === 'loading') return <p role="status">{t('connectors.loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <p className="console__error" role="alert">
        {t('connectors.failed', { error: loaded.error })}
      </p>
    );
  }
  return (
    <>
      {done && <p role="status">{t('connectors.replayDone', { message: done.message })}</p>}
      {loaded.letters.length === 0 ? (
        <p>{t('connectors.noDeadLetters')}</p>
      ) : (
        <table data-testid="dead-letters">
          <thead>
            <tr>
              <th scope="col">{t('connectors.at')}</th>
              <th scope="col">{t('connectors.location')}</th>
              <th scope="col">{t('connectors.reason')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {loaded.letters.map((l) => (
              <tr key={l.id} data-testid="dead-letter">
                <td>{when(l.at)}</td>
                <td>{l.location}</td>
                <td>{l.reason}</td>
                <td>
                  {l.replayedAt !== null ? (
                    t('connectors.replayed')
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={command.state.phase === 'queued'}
                      onClick={() => command.run('connector.replay', { connectorId, deadLetterId: l.id })}
                    >
                      {t('connectors.replay')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
