// Shown until the host has answered hello: connecting, refused (with why), or a hello that failed.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CALL_TIMEOUT_MS, type BridgeCallError } from '../bridge/bridge-client';
import { LinkIcon } from '../ui/icons';
import { bridgeShape } from '../ui/link-shape';
import { StatusPage } from '../ui/StatusPage';
import { useSession } from '../state/session-context';
import type { SessionSnapshot } from '../state/session';

export function ConnectingPage({ snapshot }: { snapshot: SessionSnapshot }): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const { connection, helloError } = snapshot;
  if (connection.state === 'rejected') {
    return (
      <StatusPage
        tone="error"
        icon={<LinkIcon shape="refused" />}
        title={t('error.rejected', { detail: connection.error })}
      >
        <p>{t('error.rejectedHint')}</p>
        <button type="button" className="button" onClick={() => session.client.retry()}>
          {t('error.retry')}
        </button>
      </StatusPage>
    );
  }
  return (
    <StatusPage
      tone={helloError || connection.error ? 'warning' : 'info'}
      icon={<LinkIcon shape={bridgeShape(connection.state)} />}
      title={t('app.connecting')}
    >
      {connection.error && <p>{t('banner.lastError', { error: connection.error })}</p>}
      {helloError && <p>{callErrorText(helloError, t)}</p>}
    </StatusPage>
  );
}

export function callErrorText(error: BridgeCallError, t: TFunction): string {
  switch (error.code) {
    case 'timeout':
      return t('error.timeout', { name: error.callName, seconds: DEFAULT_CALL_TIMEOUT_MS / 1000 });
    case 'disconnected':
      return t('error.disconnected');
    case 'invalid-response':
      return `${t('error.invalidResponse', { name: error.callName })}: ${error.message}`;
    default:
      return t('error.callFailed', { name: error.callName, detail: error.message });
  }
}
