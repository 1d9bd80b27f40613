// The wall's schedule (dayparting of presets), editable: rows in order, the fallback, Save and Cancel. Save sends
// `wall.setSchedule` through the host's outbox (queued offline, applied once). The command carries no base
// version — the last save wins — so the editor follows what the hub holds: a draft without changes reloads by
// itself, and when the schedule changes underneath unsaved changes the operator is told and chooses. A person who
// may not set the schedule sees it read-only, without the editing controls.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type PresetPayload, WallSchedule, type WallStatePayload } from '../../../src/domain/presets/preset-schema.js';
import { formatDate, formatTime } from '../../../src/i18n/format.js';
import {
  addEntry,
  draftFromSchedule,
  draftKey,
  hasScheduleErrors,
  moveEntry,
  previewText,
  type PreviewWords,
  removeEntry,
  type ScheduleDraft,
  scheduleKey,
  setFallback,
  toggleDay,
  toSchedule,
  updateEntry,
  validateSchedule,
} from './schedule-draft';
import { ScheduleEntryRow } from './ScheduleEntryRow';
import { type CommandPhase, useCommand } from './use-command';
import { useMayRun } from '../people/use-may-run';

interface ScheduleEditorProps {
  /** Presets that are not deleted. */
  presets: readonly PresetPayload[];
  byId: ReadonlyMap<string, PresetPayload>;
  state: WallStatePayload | null;
  hubOnline: boolean;
}

interface Held {
  draft: ScheduleDraft;
  /** Key of the hub's schedule the draft was started from (or last acknowledged). */
  base: string;
  /** Key of the schedule our save made the hub apply, until the hub's copy reaches this console. */
  saved?: string;
}

export function ScheduleEditor(props: ScheduleEditorProps): ReactNode {
  return useMayRun('wall.setSchedule') ? <ScheduleForm {...props} /> : <ScheduleView {...props} />;
}

function usePreviewWords(): PreviewWords {
  const { t } = useTranslation();
  return {
    dayNames: t('schedule.dayNames').split(','),
    everyDay: t('editor.everyDay'),
    wholeDay: t('schedule.wholeDay'),
    nextDay: t('schedule.nextDay'),
    noDays: t('schedule.noDays'),
  };
}

/** The schedule as it stands, in words: for a person who may not change it. */
function ScheduleView({ byId, state }: ScheduleEditorProps): ReactNode {
  const { t } = useTranslation();
  const words = usePreviewWords();
  const draft = draftFromSchedule(state?.schedule ?? null);
  const nameOf = (id: string): string => byId.get(id)?.name ?? id;
  return (
    <section className="schedule-editor" aria-labelledby="schedule-title" data-testid="schedule-view">
      <h3 id="schedule-title">{t('schedule.title')}</h3>
      <p className="schedule-editor__note">{t('schedule.order')}</p>
      {draft.entries.length === 0 ? (
        <p>{t('schedule.empty')}</p>
      ) : (
        <ol className="schedule-editor__rows">
          {draft.entries.map((entry) => (
            <li key={entry.key}>{previewText(entry, nameOf(entry.presetId), words)}</li>
          ))}
        </ol>
      )}
      <p>
        {t('schedule.fallback')}:{' '}
        {draft.fallbackPresetId === null ? t('editor.defaultLayouts') : nameOf(draft.fallbackPresetId)}
      </p>
    </section>
  );
}

function ScheduleForm({ presets, byId, state, hubOnline }: ScheduleEditorProps): ReactNode {
  const { t } = useTranslation();
  const hubSchedule = state?.schedule ?? null;
  const hubKey = scheduleKey(hubSchedule);
  const [held, setHeld] = useState<Held | null>(null);

  const heldKey = held ? draftKey(held.draft) : null;
  // Our save is applied but the feed still brings the schedule from before it: keep showing the draft.
  const hubBehind = held?.saved !== undefined && hubKey === held.base && hubKey !== held.saved;
  // After a save the saved schedule is the base: later changes elsewhere are measured from it.
  const base = held ? (held.saved ?? held.base) : hubKey;
  // Follow the hub while there is nothing unsaved, and once the hub holds exactly this draft.
  const follows = !held || (!hubBehind && (heldKey === base || heldKey === hubKey));
  const current: Held = follows ? { draft: draftFromSchedule(hubSchedule), base: hubKey } : held;
  const key = follows ? hubKey : heldKey!;
  const dirty = !follows && key !== base;
  const changedElsewhere = dirty && !hubBehind && base !== hubKey;

  const command = useCommand((done: CommandPhase) => {
    if (done.phase !== 'applied' || done.name !== 'wall.setSchedule') return;
    // What we sent is now in force: the draft counts as saved (changes made since excepted) and follows what the
    // hub holds from here on, another console's later save included.
    const sent = WallSchedule.safeParse(done.args);
    if (sent.success) setHeld((h) => (h ? { ...h, saved: scheduleKey(sent.data) } : h));
  });

  const edit = (draft: ScheduleDraft): void => {
    // The last save's outcome is about another draft now (a queued save stays on screen until it is answered).
    if (command.state.phase !== 'queued') command.reset();
    setHeld({ ...current, draft });
  };
  const available = new Set(presets.map((p) => p.id));
  const errors = validateSchedule(current.draft, available);
  const invalid = hasScheduleErrors(errors);
  const problemCount =
    errors.entries.reduce((n, e) => n + Object.keys(e).length, 0) + (errors.fallback ? 1 : 0) + (errors.list ? 1 : 0);
  const busy = command.state.phase === 'queued';
  const words = usePreviewWords();
  const nameOf = (id: string): string => byId.get(id)?.name ?? (id === '' ? '…' : id);

  const save = (): void => {
    if (invalid || !dirty) return;
    setHeld({ draft: current.draft, base: hubKey });
    command.run('wall.setSchedule', toSchedule(current.draft));
  };

  return (
    <section className="schedule-editor" aria-labelledby="schedule-title" data-testid="schedule-editor">
      <h3 id="schedule-title">{t('schedule.title')}</h3>
      <p className="schedule-editor__note">{t('schedule.order')}</p>
      <p className="schedule-editor__note">{t('schedule.zone')}</p>
      {changedElsewhere && state && (
        <div className="editor__conflict" role="alert" data-testid="schedule-changed">
          <p>
            ⚠{' '}
            {t('schedule.changedElsewhere', {
              by: state.updatedBy,
              time: formatTime(state.updatedAt).slice(0, 5),
              date: formatDate(state.updatedAt),
            })}
          </p>
          <button type="button" className="button" onClick={() => setHeld(null)}>
            {t('schedule.reload')}
          </button>
          <button type="button" className="button" onClick={() => setHeld({ draft: current.draft, base: hubKey })}>
            {t('schedule.keepEditing')}
          </button>
        </div>
      )}
      {current.draft.entries.length === 0 && <p>{t('schedule.empty')}</p>}
      <ol className="schedule-editor__rows">
        {current.draft.entries.map((entry, i) => (
          <ScheduleEntryRow
            key={entry.key}
            entry={entry}
            index={i}
            count={current.draft.entries.length}
            presets={presets}
            errors={errors.entries[i] ?? {}}
            preview={previewText(entry, nameOf(entry.presetId), words)}
            onPreset={(presetId) => edit(updateEntry(current.draft, i, { presetId }))}
            onToggleDay={(day) => edit(toggleDay(current.draft, i, day))}
            onTime={(field, value) => edit(updateEntry(current.draft, i, { [field]: value }))}
            onMove={(by) => edit(moveEntry(current.draft, i, by))}
            onRemove={() => edit(removeEntry(current.draft, i))}
          />
        ))}
      </ol>
      {errors.list && (
        <p className="field__error" role="alert">
          ⚠ {t(`schedule.error.${errors.list}`)}
        </p>
      )}
      <button
        type="button"
        className="button"
        onClick={() => edit(addEntry(current.draft, presets[0]?.id ?? ''))}
        data-testid="schedule-add"
      >
        + {t('schedule.add')}
      </button>
      <div className={`field schedule-editor__fallback${errors.fallback ? ' field--invalid' : ''}`}>
        <label htmlFor="schedule-fallback">{t('schedule.fallback')}</label>
        <select
          id="schedule-fallback"
          value={current.draft.fallbackPresetId ?? ''}
          onChange={(e) => edit(setFallback(current.draft, e.target.value === '' ? null : e.target.value))}
          aria-invalid={errors.fallback ? true : undefined}
          data-testid="schedule-fallback"
        >
          <option value="">{t('editor.defaultLayouts')}</option>
          {current.draft.fallbackPresetId !== null && !available.has(current.draft.fallbackPresetId) && (
            <option value={current.draft.fallbackPresetId}>{current.draft.fallbackPresetId}</option>
          )}
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {errors.fallback && (
          <p className="field__error" role="alert">
            ⚠ {t(`schedule.error.${errors.fallback}`)}
          </p>
        )}
      </div>
      <div className="schedule-editor__toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={!dirty || invalid || busy}
          onClick={save}
          data-testid="schedule-save"
        >
          {t('schedule.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty}
          onClick={() => setHeld(null)}
          data-testid="schedule-cancel"
        >
          {t('schedule.cancel')}
        </button>
        <span className="editor__version" data-testid="schedule-draft-state">
          {hubBehind
            ? `✓ ${t('schedule.confirming')}`
            : dirty
              ? `● ${t('schedule.unsaved')}`
              : `✓ ${t('schedule.inSync')}`}
        </span>
      </div>
      {invalid && (
        <p className="editor__problem" data-testid="schedule-invalid">
          ⚠ {t('schedule.fixFirst', { count: problemCount })}
        </p>
      )}
      <SaveState state={command.state} hubOnline={hubOnline} />
    </section>
  );
}

function SaveState({ state, hubOnline }: { state: CommandPhase; hubOnline: boolean }): ReactNode {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;
  const text =
    state.phase === 'queued'
      ? t(hubOnline ? 'schedule.saving' : 'schedule.queued')
      : state.phase === 'applied'
        ? `✓ ${t('schedule.applied')}`
        : t(`schedule.${state.phase}`, { message: state.message });
  return (
    <p
      className={`editor__result editor__result--${state.phase}`}
      role="status"
      data-testid="schedule-result"
      data-phase={state.phase}
    >
      {text}
    </p>
  );
}
