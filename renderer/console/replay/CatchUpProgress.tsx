// The console's line for a host catching up after an outage: how far, and about how long is left.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedStatus } from '../../../src/contract/host-status.js';
import { formatDuration } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { catchUpFigures } from './catch-up-figures';

export function CatchUpProgress({ catchUp }: { catchUp: FeedStatus['catchUp'] }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!catchUp) return null;
  const { key, ...figures } = catchUpFigures(catchUp, locale);
  return (
    <p className="catch-up" role="status" data-testid="catch-up">
      <progress value={catchUp.replayed} max={Math.max(1, catchUp.total)} /> {t(key, figures)}
      {catchUp.etaS !== null && <> · {t('replay.eta', { duration: formatDuration(catchUp.etaS * 1000, locale) })}</>}
    </p>
  );
}
