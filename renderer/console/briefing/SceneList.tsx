// The scenes of the briefing being edited, in order: drag one onto another to move it there, or use the ↑/↓
// buttons, or Alt+↑/Alt+↓ on a focused scene. Selecting a scene opens it in the scene editor.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../src/domain/briefing/briefing-schema.js';

interface SceneListProps {
  scenes: readonly Scene[];
  selected: number | null;
  presetName: (id: string) => string;
  onSelect: (index: number) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

export function SceneList({ scenes, selected, presetName, onSelect, onMove, onRemove }: SceneListProps): ReactNode {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<number | null>(null);
  return (
    <ol className="briefing__scenes" aria-label={t('briefing.scenes')} data-testid="scene-list">
      {scenes.map((s, i) => (
        <li
          key={s.id}
          className={`briefing__scene${selected === i ? ' briefing__scene--selected' : ''}`}
          draggable
          tabIndex={0}
          data-scene-id={s.id}
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'move';
            setDragged(i);
          }}
          onDragOver={(e) => dragged !== null && e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            if (dragged !== null) onMove(dragged, i);
            setDragged(null);
          }}
          onDragEnd={() => setDragged(null)}
          onKeyDown={(e) => {
            if (e.target !== e.currentTarget) return;
            if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
              e.preventDefault();
              onMove(i, i + (e.key === 'ArrowUp' ? -1 : 1));
            } else if (e.key === 'Enter') onSelect(i);
          }}
          onClick={() => onSelect(i)}
        >
          <span className="briefing__scene-handle" aria-hidden="true">
            ⠿
          </span>
          <span className="briefing__scene-title">
            {i + 1}. {s.title} <small>({presetName(s.presetId)})</small>
          </span>
          <button
            type="button"
            className="button"
            disabled={i === 0}
            aria-label={t('briefing.moveUp')}
            onClick={(e) => {
              e.stopPropagation();
              onMove(i, i - 1);
            }}
          >
            ↑
          </button>
          <button
            type="button"
            className="button"
            disabled={i === scenes.length - 1}
            aria-label={t('briefing.moveDown')}
            onClick={(e) => {
              e.stopPropagation();
              onMove(i, i + 1);
            }}
          >
            ↓
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('briefing.removeScene')}
            onClick={(e) => {
              e.stopPropagation();
              onRemove(i);
            }}
          >
            ✕
          </button>
        </li>
      ))}
    </ol>
  );
}
