// The console's "Trình chiếu" section: the briefings everyone shares, an editor of one briefing (its name and
// its scenes, reordered by drag, buttons or keys, each with its preset, focus, "as of", notes and duration), and
// while one is presented the presenter's controls. Save and delete name the version they were based on; a save
// over another leader's newer version is refused as a conflict and the edit kept, to reload or save over.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BriefingDraft } from '../../../src/domain/briefing/briefing-schema.js';
import { presetIdFor } from '../editor/editor-draft';
import { type CommandPhase, useCommand } from '../editor/use-command';
import { useWallPresets } from '../editor/use-wall-presets';
import { useMayRun } from '../people/use-may-run';
import {
  addScene,
  type BriefingEditorDraft,
  draftFromBriefing,
  moveScene,
  newBriefingDraft,
  removeScene,
  renameBriefing,
  updateScene,
} from './briefing-draft';
import { PresentControls } from './PresentControls';
import { SceneEditor } from './SceneEditor';
import { SceneList } from './SceneList';
import { useBriefings } from './use-briefings';
import './briefing.css';

export function BriefingSection(): ReactNode {
  const { t } = useTranslation();
  const { briefings, byId, state } = useBriefings();
  const { presets, byId: presetById } = useWallPresets();
  const [draft, setDraft] = useState<BriefingEditorDraft | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const mayEdit = useMayRun('briefing.save');
  const mayStart = useMayRun('briefing.start');
  const command = useCommand((done: CommandPhase) => {
    if (done.phase === 'idle') return;
    if (done.name === 'briefing.save' && done.phase === 'applied') setDraft((d) => d && { ...d, dirty: false });
    if (done.name === 'briefing.delete' && done.phase === 'applied') setDraft(null);
  });

  const current = draft ? byId.get(draft.briefing.id) : undefined;
  // Without local changes the editor follows the shared briefing (another console's save, our own).
  const shown =
    draft && !draft.dirty && current && current.version > draft.baseVersion ? draftFromBriefing(current) : draft;
  const parsed = shown ? BriefingDraft.safeParse(shown.briefing) : null;
  const problem = parsed && !parsed.success ? (parsed.error.issues[0]?.message ?? '') : null;
  const scene = shown && selected !== null ? shown.briefing.scenes[selected] : undefined;
  const presenting = state?.briefingId ? byId.get(state.briefingId) : undefined;
  const outcome = command.state;

  const edit = (next: BriefingEditorDraft): void => setDraft(next);
  const startNew = (): void => {
    const name = t('briefing.newName');
    command.reset();
    setSelected(null);
    edit(newBriefingDraft(presetIdFor(name, new Set(byId.keys())), name));
  };
  return (
    <section className="briefing" aria-labelledby="briefing-title" data-testid="briefing-section">
      <h2 id="briefing-title">{t('briefing.title')}</h2>
      <PresentControls state={state} briefing={presenting} run={command.run} />
      <div className="briefing__body">
        <div className="briefing__list">
          <h3>{t('briefing.briefings')}</h3>
          {briefings.length === 0 && <p>{t('briefing.none')}</p>}
          <ul>
            {briefings.map((b) => (
              <li key={b.id} data-briefing-id={b.id}>
                <strong>{b.name}</strong>{' '}
                <small>
                  {t('briefing.sceneCount', { count: b.scenes.length })} ·{' '}
                  {t('briefing.version', { version: b.version })}
                </small>
                <div className="briefing__actions">
                  {mayStart && (
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={b.scenes.length === 0}
                      onClick={() => command.run('briefing.start', { briefingId: b.id })}
                      data-testid="briefing-start"
                    >
                      ▶ {t('briefing.start')}
                    </button>
                  )}
                  {mayEdit && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        command.reset();
                        setSelected(null);
                        edit(draftFromBriefing(b));
                      }}
                    >
                      {t('briefing.edit')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {mayEdit && (
            <button type="button" className="button" onClick={startNew} data-testid="briefing-new">
              + {t('briefing.new')}
            </button>
          )}
        </div>
        {shown && mayEdit && (
          <div className="briefing__editor" data-testid="briefing-editor">
            <div className="briefing__toolbar">
              <label>
                {t('briefing.name')}
                <input
                  type="text"
                  value={shown.briefing.name}
                  maxLength={160}
                  onChange={(e) => {
                    const name = e.target.value;
                    // Not saved yet: the id follows the name; saved: it keeps its id.
                    const id = shown.baseVersion === 0 ? presetIdFor(name, new Set(byId.keys())) : shown.briefing.id;
                    edit(renameBriefing(shown, name, id));
                  }}
                  data-testid="briefing-name"
                />
              </label>
              <button
                type="button"
                className="button button--primary"
                disabled={!shown.dirty || problem !== null || outcome.phase === 'queued'}
                onClick={() =>
                  parsed?.success &&
                  command.run('briefing.save', { briefing: parsed.data, baseVersion: shown.baseVersion })
                }
                data-testid="briefing-save"
              >
                {t('briefing.save')}
              </button>
              {shown.baseVersion > 0 && (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() =>
                    window.confirm(t('briefing.confirmDelete', { name: shown.briefing.name })) &&
                    command.run('briefing.delete', { briefingId: shown.briefing.id, baseVersion: shown.baseVersion })
                  }
                >
                  {t('briefing.delete')}
                </button>
              )}
              <button type="button" className="button" onClick={() => setDraft(null)}>
                {t('briefing.cancel')}
              </button>
            </div>
            {problem && <p className="editor__problem">{t('briefing.invalid', { message: problem })}</p>}
            {outcome.phase === 'rejected' && outcome.reason === 'conflict' && current && (
              <div className="editor__conflict" role="alert">
                <p>{t('briefing.conflict', { by: current.updatedBy, version: current.version })}</p>
                <button type="button" className="button" onClick={() => edit(draftFromBriefing(current))}>
                  {t('briefing.reload')}
                </button>
              </div>
            )}
            {(outcome.phase === 'failed' || (outcome.phase === 'rejected' && outcome.reason !== 'conflict')) && (
              <p className="editor__result editor__result--rejected" role="alert">
                {t('briefing.failed', { message: outcome.message })}
              </p>
            )}
            <h3>{t('briefing.scenes')}</h3>
            <p className="briefing__hint">{t('briefing.reorderHint')}</p>
            <SceneList
              scenes={shown.briefing.scenes}
              selected={selected}
              presetName={(id) => presetById.get(id)?.name ?? id}
              onSelect={setSelected}
              onMove={(from, to) => {
                edit(moveScene(shown, from, to));
                if (selected === from) setSelected(Math.max(0, Math.min(to, shown.briefing.scenes.length - 1)));
              }}
              onRemove={(i) => {
                edit(removeScene(shown, i));
                setSelected(null);
              }}
            />
            {presets.length === 0 ? (
              <p>{t('briefing.noPreset')}</p>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  const n = shown.briefing.scenes.length + 1;
                  edit(addScene(shown, presets[0]!.id, t('briefing.newScene', { n })));
                  setSelected(n - 1);
                }}
                data-testid="scene-add"
              >
                + {t('briefing.addScene')}
              </button>
            )}
            {scene && selected !== null && (
              <SceneEditor
                key={scene.id}
                scene={scene}
                presets={presets}
                byId={presetById}
                onChange={(patch) => edit(updateScene(shown, selected, patch))}
              />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
