// A page a person works from (the console, the presenter's tablet): a console session with the bridge, its person
// resumed across reloads of the tab, and "connecting" until the host answers.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeParams } from '../../../src/contract/bridge.js';
import { SessionProvider } from '../../state/session-context';
import { StatusPage } from '../../ui/StatusPage';
import { sessionResumeStore } from './resume-store';

export function ConsoleSession({ params, children }: { params: BridgeParams; children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  return (
    <SessionProvider
      params={params}
      request={{ role: 'console' }}
      fallback={<StatusPage title={t('app.connecting')} />}
      resumeStore={sessionResumeStore}
    >
      {children}
    </SessionProvider>
  );
}
