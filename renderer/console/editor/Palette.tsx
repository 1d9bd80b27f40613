// The widget kinds the wall knows (renderer/widgets/index.ts), each by its translated name: a click adds a tile of
// that kind to the selected surface, in its first free place; its settings are then filled in the form.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Widget } from '../../widgets/widget-definition';

export function Palette({
  widgets,
  surfaceId,
  onAdd,
}: {
  widgets: readonly Widget[];
  surfaceId: string | null;
  onAdd: (kind: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="palette" role="group" aria-label={t('editor.palette', { surface: surfaceId ?? '' })}>
      <span>{t('editor.palette', { surface: surfaceId ?? '—' })}:</span>
      {widgets.map(({ kind, labelKey }) => (
        <button
          key={kind}
          type="button"
          className="button palette__kind"
          disabled={surfaceId === null}
          data-kind={kind}
          onClick={() => onAdd(kind)}
        >
          + {t(labelKey)}
        </button>
      ))}
    </div>
  );
}
