// "Cập nhật 12 giây trước": how old the tile's figure is, turning into a warning (⚠ and style) once it is older
// than its topics are expected to update.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnownTopic } from '../../src/contract/hub-protocol.js';
import { formatAge } from '../../src/i18n/format.js';
import { useLocale } from '../app/i18n';
import { WarningIcon } from '../ui/icons';
import { useWallNow } from '../state/wall-now';
import { isStale } from './freshness';

export function AgeBadge({ asOf, topics }: { asOf: number | null; topics: readonly KnownTopic[] }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useWallNow();
  if (asOf === null) {
    return (
      <span className="age-badge age-badge--none" data-testid="age-badge" data-stale="false">
        {t('age.noData')}
      </span>
    );
  }
  const age = now - asOf;
  const stale = isStale(age, topics);
  return (
    <span
      className={`age-badge ${stale ? 'age-badge--stale' : ''}`}
      data-testid="age-badge"
      data-stale={String(stale)}
      title={stale ? t('age.stale') : undefined}
    >
      {stale && <WarningIcon />}
      {t('age.updated', { age: formatAge(age, locale) })}
    </span>
  );
}
