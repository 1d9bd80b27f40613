// The widget kinds the wall knows (from the widget registry): a click adds a tile of that kind to the selected
// surface, in its first free place; its settings are then filled in the form.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Palette({
  kinds,
  surfaceId,
  onAdd,
}: {
  kinds: readonly string[];
  surfaceId: string | null;
  onAdd: (kind: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="palette" role="group" aria-label={t('editor.palette', { surface: surfaceId ?? '' })}>
      <span>{t('editor.palette', { surface: surfaceId ?? '—' })}:</span>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className="button palette__kind"
          disabled={surfaceId === null}
          data-kind={kind}
          onClick={() => onAdd(kind)}
        >
          + {kind}
        </button>
      ))}
    </div>
  );
}
