// The unmistakable bar on every surface while the wall is not live: "Số liệu tại thời điểm dd/MM/yyyy HH:mm", the
// replay speed, and a warning when the cache does not reach back to that time. Nothing while live.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cacheHolds, type TimeCursorState } from '../../src/contract/time-cursor.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { WarningIcon } from '../ui/icons';
import './as-of-bar.css';

export function AsOfBar({ cursor }: { cursor: TimeCursorState }): ReactNode {
  const { t } = useTranslation();
  if (cursor.asOf === null) return null;
  const held = cacheHolds(cursor);
  return (
    <div className="as-of-bar" role="status" data-testid="as-of-bar" data-as-of={cursor.asOf}>
      <strong className="as-of-bar__time">{t('timeCursor.bar', { time: formatDateTime(cursor.asOf) })}</strong>
      {cursor.replaySpeed !== null && (
        <span className="as-of-bar__replay">{t('timeCursor.replaying', { speed: cursor.replaySpeed })}</span>
      )}
      {!held && (
        <span className="as-of-bar__missing" data-testid="as-of-missing">
          <WarningIcon />
          {cursor.heldFrom === null
            ? t('timeCursor.noHistory')
            : t('timeCursor.notHeld', { from: formatDateTime(cursor.heldFrom) })}
        </span>
      )}
    </div>
  );
}
