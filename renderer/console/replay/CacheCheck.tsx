// The cache's integrity check as the console shows it: pending until it has run after the first page.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CacheIntegrityState } from '../../../src/contract/host-status.js';

export function CacheCheck({ integrity }: { integrity: CacheIntegrityState }): ReactNode {
  const { t } = useTranslation();
  const text =
    integrity.state === 'failed'
      ? t('replay.integrityFailed', { detail: integrity.detail ?? '' })
      : t(integrity.state === 'ok' ? 'replay.integrityOk' : 'replay.integrityPending');
  return (
    <span className={`cache-check cache-check--${integrity.state}`}>
      {t('replay.integrity')}: {text}
    </span>
  );
}
