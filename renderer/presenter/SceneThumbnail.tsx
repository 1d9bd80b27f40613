// A schematic of a preset on the wall, small enough for a phone: one box per surface the preset covers, its tiles
// as rectangles placed on the surface's grid and labelled with their kind. No live widgets: a tablet on the
// room's network should not load every feed just to preview the next scene.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetPayload } from '../../src/domain/presets/preset-schema.js';
import { widgetOfKind } from '../widgets/registry';

const pct = (part: number, whole: number): string => `${(100 * part) / whole}%`;

export function SceneThumbnail({ preset }: { preset: PresetPayload | undefined }): ReactNode {
  const { t } = useTranslation();
  if (!preset) return null;
  const kindLabel = (kind: string): string => {
    const widget = widgetOfKind(kind);
    return widget ? t(widget.labelKey) : kind;
  };
  return (
    <div className="presenter__thumb" role="img" aria-label={t('presenter.thumbnail')} data-preset-id={preset.id}>
      {Object.entries(preset.layouts).map(([surfaceId, layout]) => (
        <figure key={surfaceId} className="presenter__thumb-surface">
          <div className="presenter__thumb-grid">
            {layout.tiles.map((tile) => (
              <div
                key={tile.id}
                className="presenter__thumb-tile"
                data-tile-kind={tile.kind}
                style={{
                  left: pct(tile.x, layout.columns),
                  top: pct(tile.y, layout.rows),
                  width: pct(tile.w, layout.columns),
                  height: pct(tile.h, layout.rows),
                }}
              >
                {kindLabel(tile.kind)}
              </div>
            ))}
          </div>
          <figcaption>{surfaceId}</figcaption>
        </figure>
      ))}
    </div>
  );
}
