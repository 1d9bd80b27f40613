// Pages that need no host: briefing (not built yet), an unknown address, and a page without bridge details.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeParamsResult } from '../bridge/bridge-params';
import { WarningIcon } from '../ui/icons';
import { StatusPage } from '../ui/StatusPage';

export function BriefingUnavailablePage(): ReactNode {
  const { t } = useTranslation();
  return (
    <StatusPage title={t('route.briefingTitle')} tone="info">
      <p>{t('route.briefingUnavailable')}</p>
      <p>{t('route.briefingHint')}</p>
      <RouteList />
    </StatusPage>
  );
}

export function NotFoundPage({ path }: { path: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <StatusPage title={t('route.notFound')} tone="warning" icon={<WarningIcon />}>
      <p>{t('route.notFoundHint', { path })}</p>
      <RouteList />
    </StatusPage>
  );
}

export function NoBridgePage({ result }: { result: Extract<BridgeParamsResult, { ok: false }> }): ReactNode {
  const { t } = useTranslation();
  return (
    <StatusPage title={t('error.noBridgeParams')} tone="error" icon={<WarningIcon />}>
      {result.reason === 'invalid' ? (
        <pre>{t('error.badBridgeParams', { detail: result.detail })}</pre>
      ) : (
        <p>{t('error.noBridgeParamsHint')}</p>
      )}
    </StatusPage>
  );
}

function RouteList(): ReactNode {
  const { t } = useTranslation();
  return (
    <ul className="route-list">
      <li>{t('route.wall')}</li>
      <li>
        <a href="#/console">{t('route.console')}</a>
      </li>
      <li>
        <a href="#/briefing">{t('route.briefing')}</a>
      </li>
    </ul>
  );
}
