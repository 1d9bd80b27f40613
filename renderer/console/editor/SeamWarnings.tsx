// Text tiles of the draft lying across a seam of a spanning surface (a figure cut by a monitor's frame cannot be
// read from five metres), each with a button that moves it to the nearest place clear of seams and other tiles.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { draftSeamWarnings } from './editor-draft';

export function SeamWarnings({
  warnings,
  onMove,
}: {
  warnings: ReturnType<typeof draftSeamWarnings>;
  onMove: (surfaceId: string, tileId: string, to: { x: number; y: number }) => void;
}): ReactNode {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="editor__seams" data-testid="seam-warnings">
      {warnings.map((w) => (
        <li key={`${w.surfaceId}:${w.tileId}`} className="editor__problem">
          ⚠ {t('editor.seamCrossed', { id: w.tileId, surface: w.surfaceId })}{' '}
          {w.nudge ? (
            <button type="button" className="button" onClick={() => onMove(w.surfaceId, w.tileId, w.nudge!)}>
              {t('editor.seamNudge', { column: w.nudge.x + 1, row: w.nudge.y + 1 })}
            </button>
          ) : (
            `(${t('editor.seamNoPlace')})`
          )}
        </li>
      ))}
    </ul>
  );
}
