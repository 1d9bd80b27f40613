// The console's layout editor ("Bố cục"): the shared presets and the wall's schedule state, a scaled live mirror
// of the whole wall where the preset being edited is dragged and resized (react-grid-layout), a palette of widget
// kinds, a settings form per tile, and save / undo / delete through the host's outbox. A save names the version
// it was based on; when someone else saved in between, the hub rejects it as a conflict and the editor keeps the
// operator's changes and offers to load the other version or to save over it.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostStatus } from '../../../src/contract/host-status.js';
import type { SurfaceLayout } from '../../../src/contract/wall.js';
import { PresetDraft, type PresetPayload } from '../../../src/domain/presets/preset-schema.js';
import { describeWall } from '../../../src/domain/presets/wall-status.js';
import { useSessionSnapshot } from '../../state/session-context';
import { WIDGETS } from '../../widgets/index';
import { widgetOfKind } from '../../widgets/registry';
import {
  addTile,
  draftFromPreset,
  draftSeamWarnings,
  type EditorDraft,
  excludeSurface,
  includeSurface,
  moveTile,
  newDraft,
  placeTiles,
  presetIdFor,
  removeTile,
  setTileSettings,
  toPresetDraft,
} from './editor-draft';
import { Palette } from './Palette';
import { PresetList } from './PresetList';
import { ScheduleEditor } from './ScheduleEditor';
import { SeamWarnings } from './SeamWarnings';
import { hasErrors, settingsErrors } from './settings-form';
import { TileSettingsForm } from './TileSettingsForm';
import { type CommandPhase, useCommand } from './use-command';
import { useWallPresets } from './use-wall-presets';
import { useMayRun } from '../people/use-may-run';
import { WallMirror } from './WallMirror';
import './editor.css';

interface Selection {
  surfaceId: string;
  tileId: string | null;
}

const EMPTY_LAYOUT: SurfaceLayout = { columns: 12, rows: 8, tiles: [] };

interface LayoutEditorProps {
  status: HostStatus;
  /** Opens the audit trail of a target (`preset:<id>`). */
  onShowTrail: (target: string) => void;
}

export function LayoutEditor({ status, onShowTrail }: LayoutEditorProps): ReactNode {
  const { t } = useTranslation();
  const { hello } = useSessionSnapshot();
  const { presets, byId, state } = useWallPresets();
  const [held, setDraft] = useState<EditorDraft | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [conflict, setConflict] = useState(false);
  const [noRoom, setNoRoom] = useState<string | null>(null);
  const savedDraft = useRef<EditorDraft | null>(null);
  const mayUndo = useMayRun('preset.undo');
  const mayDelete = useMayRun('preset.delete');

  const current = held ? byId.get(held.presetId) : undefined;
  // Without local changes the editor follows the shared preset: another console's save, an undo, our own save.
  const draft =
    held && !held.dirty && current && current.version > held.baseVersion
      ? current.deleted
        ? null
        : draftFromPreset(current)
      : held;
  const stale = draft !== null && draft.dirty && current !== undefined && current.version > draft.baseVersion;

  const command = useCommand((done: CommandPhase) => {
    if (done.phase === 'idle' || done.phase === 'queued') return;
    if (done.name === 'preset.save') {
      if (done.phase === 'applied') {
        setConflict(false);
        // Clean only if nothing was changed while the save travelled; the new version then replaces the draft.
        setDraft((d) => (d && d === savedDraft.current ? { ...d, dirty: false } : d));
      } else if (done.phase === 'rejected' && done.reason === 'conflict') setConflict(true);
    }
    if (done.name === 'preset.delete' && done.phase === 'applied') setDraft(null);
  });

  const liveLayout = (surfaceId: string): SurfaceLayout | undefined =>
    hello?.surfaces.find((s) => s.id === surfaceId)?.layout;
  const mirrorSurfaces = status.surfaces.map((s) => ({
    id: s.id,
    bounds: s.bounds,
    layout: draft ? draft.layouts[s.id] : liveLayout(s.id),
  }));

  const edit = (next: EditorDraft | null): void => setDraft(next);
  const startEditing = (preset: PresetPayload): void => {
    setConflict(false);
    command.reset();
    edit(draftFromPreset(preset));
    setSelection(null);
  };
  const startNew = (): void => {
    const name = t('editor.newPresetName', { n: presets.length + 1 });
    setConflict(false);
    command.reset();
    edit(newDraft(presetIdFor(name, new Set(byId.keys())), name, hello?.surfaces ?? []));
    setSelection(null);
  };
  const save = (baseVersion?: number): void => {
    if (!draft) return;
    const next = baseVersion === undefined ? draft : { ...draft, baseVersion };
    savedDraft.current = next;
    setDraft(next);
    setConflict(false);
    command.run('preset.save', { preset: toPresetDraft(next), baseVersion: next.baseVersion });
  };

  const problem = draft
    ? draftProblem(
        draft,
        (kind) => widgetOfKind(kind)?.settings,
        (id) => t('editor.invalidSettings', { id }),
      )
    : null;
  const seamWarnings = draft
    ? draftSeamWarnings(
        draft,
        (surfaceId) => hello?.surfaces.find((s) => s.id === surfaceId)?.canvas,
        // Unknown kinds count as text: a new widget is kept off seams until it says it may cross them.
        (kind) => !widgetOfKind(kind)?.crossesSeams,
      )
    : [];
  const selectedLayout = draft && selection ? draft.layouts[selection.surfaceId] : undefined;
  const selectedTile = selectedLayout?.tiles.find((tile) => tile.id === selection?.tileId);
  const busy = command.state.phase === 'queued';
  // Worked out here from the shared values, so a click shows at once (the host's status follows within 2 s).
  const wallNow = state ? describeWall(state, byId, Date.now(), status.presets.appliedAt) : status.presets;

  return (
    <section className="editor" aria-labelledby="editor-title" data-testid="layout-editor">
      <h2 id="editor-title">{t('editor.title')}</h2>
      <div className="editor__body">
        <PresetList
          presets={presets}
          byId={byId}
          wall={wallNow}
          editing={draft?.presetId ?? null}
          busy={false}
          onEdit={startEditing}
          onNew={startNew}
          onActivate={(presetId) => command.run('wall.activate', { presetId })}
          onRevert={() => command.run('wall.revertToSchedule', {})}
          onTrail={(presetId) => onShowTrail(`preset:${presetId}`)}
        />
        <div className="editor__main">
          {draft && (
            <div className="editor__toolbar">
              <label className="editor__name">
                {t('editor.name')}
                <input
                  type="text"
                  value={draft.name}
                  maxLength={120}
                  onChange={(e) => {
                    const name = e.target.value;
                    // A preset not saved yet takes its id from its name; a saved one keeps its id.
                    const presetId = draft.baseVersion === 0 ? presetIdFor(name, new Set(byId.keys())) : draft.presetId;
                    edit({ ...draft, name, presetId, dirty: true });
                  }}
                />
              </label>
              <span className="editor__version" data-testid="draft-state">
                {draft.baseVersion === 0
                  ? t('editor.newUnsaved')
                  : `${t('editor.basedOn', { version: draft.baseVersion })}${draft.dirty ? ` · ${t('editor.unsaved')}` : ''}`}
              </span>
              <button
                type="button"
                className="button button--primary"
                disabled={!draft.dirty || problem !== null || busy}
                onClick={() => save()}
                data-testid="save-preset"
              >
                {busy && command.state.phase === 'queued' && command.state.name === 'preset.save'
                  ? t('editor.saving')
                  : t('editor.save')}
              </button>
              {mayUndo && (
                <button
                  type="button"
                  className="button"
                  disabled={draft.dirty || !current || current.undoTo === null || busy}
                  onClick={() =>
                    current && command.run('preset.undo', { presetId: current.id, baseVersion: current.version })
                  }
                  data-testid="undo-preset"
                >
                  ↶ {t('editor.undo')}
                </button>
              )}
              <button
                type="button"
                className="button"
                disabled={!draft.dirty}
                onClick={() => edit(current && !current.deleted ? draftFromPreset(current) : null)}
              >
                {t('editor.discard')}
              </button>
              {mayDelete && current && !current.deleted && (
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy}
                  onClick={() => command.run('preset.delete', { presetId: current.id, baseVersion: current.version })}
                >
                  {t('editor.delete')}
                </button>
              )}
              {selection && draft.layouts[selection.surfaceId] && (
                <button
                  type="button"
                  className="button"
                  onClick={() => edit(excludeSurface(draft, selection.surfaceId))}
                >
                  {t('editor.exclude')} ({selection.surfaceId})
                </button>
              )}
            </div>
          )}
          {draft && (conflict || stale) && current && (
            <div className="editor__conflict" role="alert" data-testid="conflict">
              <p>⚠ {t('editor.conflict', { name: current.name, version: current.version, by: current.updatedBy })}</p>
              <button type="button" className="button" onClick={() => startEditing(current)}>
                {t('editor.loadLatest', { version: current.version })}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => save(current.version)}
                disabled={problem !== null}
              >
                {t('editor.overwrite')}
              </button>
            </div>
          )}
          {problem && <p className="editor__problem">⚠ {problem}</p>}
          {draft && noRoom && <p className="editor__problem">⚠ {t('editor.noRoom', { surface: noRoom })}</p>}
          {draft && (
            <SeamWarnings
              warnings={seamWarnings}
              onMove={(surfaceId, tileId, to) => edit(moveTile(draft, surfaceId, tileId, to))}
            />
          )}
          <CommandLine state={command.state} hubOnline={status.feed.state === 'connected'} />
          <WallMirror
            monitors={status.monitors}
            surfaces={mirrorSurfaces}
            editable={draft !== null}
            selectedSurface={selection?.surfaceId ?? null}
            selectedTile={selection?.tileId ?? null}
            onSelectSurface={(surfaceId) => setSelection({ surfaceId, tileId: null })}
            onSelectTile={(surfaceId, tileId) => setSelection({ surfaceId, tileId })}
            onPlace={(surfaceId, placements) => draft && edit(placeTiles(draft, surfaceId, placements))}
            uncovered={(surfaceId) => (
              <>
                <p>{t('editor.notInPreset')}</p>
                {draft && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => edit(includeSurface(draft, surfaceId, liveLayout(surfaceId) ?? EMPTY_LAYOUT))}
                  >
                    {t('editor.include')}
                  </button>
                )}
              </>
            )}
          />
          {draft && (
            <Palette
              widgets={WIDGETS}
              surfaceId={selection && draft.layouts[selection.surfaceId] ? selection.surfaceId : null}
              onAdd={(kind) => {
                if (!selection) return;
                const added = addTile(draft, selection.surfaceId, kind);
                setNoRoom(added ? null : selection.surfaceId);
                if (!added) return;
                edit(added.draft);
                setSelection({ surfaceId: selection.surfaceId, tileId: added.tileId });
              }}
            />
          )}
        </div>
        <aside className="editor__settings">
          {draft && selection && selectedTile ? (
            <TileSettingsForm
              key={`${selection.surfaceId}:${selectedTile.id}`}
              tile={selectedTile}
              schema={widgetOfKind(selectedTile.kind)?.settings}
              onChange={(settings) => edit(setTileSettings(draft, selection.surfaceId, selectedTile.id, settings))}
              onRemove={() => {
                edit(removeTile(draft, selection.surfaceId, selectedTile.id));
                setSelection({ surfaceId: selection.surfaceId, tileId: null });
              }}
            />
          ) : (
            <p className="editor__hint">{t('editor.noTile')}</p>
          )}
        </aside>
      </div>
      <ScheduleEditor presets={presets} byId={byId} state={state} hubOnline={status.feed.state === 'connected'} />
    </section>
  );
}

/** Why the draft cannot be saved yet (a bad name, a tile with bad settings), or null. */
function draftProblem(
  draft: EditorDraft,
  schemaOf: (kind: string) => Parameters<typeof settingsErrors>[0] | undefined,
  badTile: (tileId: string) => string,
): string | null {
  const parsed = PresetDraft.safeParse(toPresetDraft(draft));
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  for (const layout of Object.values(draft.layouts)) {
    for (const tile of layout.tiles) {
      const schema = schemaOf(tile.kind);
      if (schema && hasErrors(settingsErrors(schema, tile.settings))) return badTile(tile.id);
    }
  }
  return null;
}

function CommandLine({ state, hubOnline }: { state: CommandPhase; hubOnline: boolean }): ReactNode {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;
  const text =
    state.phase === 'queued'
      ? hubOnline
        ? t(state.name === 'preset.save' ? 'editor.saving' : 'editor.sending')
        : t('editor.queued')
      : state.phase === 'applied'
        ? t(state.name === 'preset.save' ? 'editor.saved' : 'editor.done', { message: state.message })
        : state.phase === 'rejected'
          ? t('editor.rejected', { message: state.message })
          : t('editor.failed', { message: state.message });
  return (
    <p
      className={`editor__result editor__result--${state.phase}`}
      role="status"
      data-testid="command-result"
      data-phase={state.phase}
    >
      {text}
    </p>
  );
}
