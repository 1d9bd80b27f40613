// One scene of the briefing being edited: its title, the preset the wall shows, the tiles' focus, the "as of"
// time, the presenter's notes and how it advances (after a number of seconds, or by the presenter).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../src/domain/briefing/briefing-schema.js';
import type { PresetPayload } from '../../../src/domain/presets/preset-schema.js';
import { FocusEditor } from './FocusEditor';
import { fromLocalInput, toLocalInput } from './time-input';

interface SceneEditorProps {
  scene: Scene;
  presets: readonly PresetPayload[];
  byId: ReadonlyMap<string, PresetPayload>;
  onChange: (patch: Partial<Omit<Scene, 'id'>>) => void;
}

export function SceneEditor({ scene, presets, byId, onChange }: SceneEditorProps): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="briefing__scene-editor" data-testid="scene-editor">
      <label>
        {t('briefing.sceneTitle')}
        <input
          type="text"
          value={scene.title}
          maxLength={120}
          onChange={(e) => onChange({ title: e.target.value })}
          data-testid="scene-title"
        />
      </label>
      <label>
        {t('briefing.preset')}
        <select value={scene.presetId} onChange={(e) => onChange({ presetId: e.target.value, focus: [] })}>
          {!byId.has(scene.presetId) && <option value={scene.presetId}>{scene.presetId}</option>}
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <FocusEditor focus={scene.focus} preset={byId.get(scene.presetId)} onChange={(focus) => onChange({ focus })} />
      <label>
        {t('briefing.asOf')} <small>({t('briefing.live')})</small>
        <input
          type="datetime-local"
          value={toLocalInput(scene.asOf)}
          onChange={(e) => onChange({ asOf: fromLocalInput(e.target.value) })}
        />
      </label>
      <label>
        {t('briefing.duration')} <small>({t('briefing.manual')})</small>
        <input
          type="number"
          min={1}
          max={3600}
          value={scene.durationS ?? ''}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            onChange({ durationS: Number.isFinite(n) ? n : null });
          }}
        />
      </label>
      <label>
        {t('briefing.notes')}
        <textarea rows={4} maxLength={4000} value={scene.notes} onChange={(e) => onChange({ notes: e.target.value })} />
      </label>
    </div>
  );
}
