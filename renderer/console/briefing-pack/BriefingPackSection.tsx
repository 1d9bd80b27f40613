// The console's export of a briefing pack: the meeting's name, presenter and classification, its scenes (title,
// preset, time, notes), and one button; the host prints the PDF and the browser downloads it. The scenes are taken
// from one of the hub's briefings (then adjusted if need be) or entered here.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Classification, type PackFile, type PackScene } from '../../../src/contract/briefing-pack.js';
import { formatNumber } from '../../../src/i18n/format.js';
import { useSession } from '../../state/session-context';
import { useWallPresets } from '../editor/use-wall-presets';
import { downloadBlob } from '../audit/download';
import { useMayRun } from '../people/use-may-run';
import { useBriefings } from '../briefing/use-briefings';
import { fromInputValue, toInputValue } from '../time-cursor/zone-input';

/** Printing takes a browser's work: a pack of many scenes can take a minute or two. */
const EXPORT_TIMEOUT_MS = 10 * 60_000;

interface SceneDraft {
  title: string;
  presetId: string;
  asOf: string;
  notes: string;
}

export function BriefingPackSection(): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const { presets } = useWallPresets();
  const { briefings } = useBriefings();
  const may = useMayRun('wall.timeCursor');
  const [name, setName] = useState('');
  const [presenter, setPresenter] = useState('');
  const [classification, setClassification] = useState<Classification>('internal');
  const [scenes, setScenes] = useState<SceneDraft[]>([]);
  const [state, setState] = useState<{ busy: boolean; done: PackFile | null; error: string | null }>({
    busy: false,
    done: null,
    error: null,
  });
  if (!may) return null;

  const firstPreset = presets[0]?.id ?? '';
  const fromBriefing = (id: string): void => {
    const briefing = briefings.find((b) => b.id === id);
    if (!briefing) return;
    setName(briefing.name);
    setScenes(
      briefing.scenes.map((scene) => ({
        title: scene.title,
        presetId: scene.presetId,
        asOf: scene.asOf === undefined ? '' : toInputValue(scene.asOf),
        notes: scene.notes,
      })),
    );
  };
  const edit = (i: number, patch: Partial<SceneDraft>): void =>
    setScenes((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const request = (): PackScene[] =>
    scenes.map((s) => {
      const asOf = fromInputValue(s.asOf);
      return {
        title: s.title,
        presetId: s.presetId || firstPreset,
        ...(asOf === null ? {} : { asOf }),
        ...(s.notes ? { notes: s.notes } : {}),
      };
    });
  const exportPack = (): void => {
    setState({ busy: true, done: null, error: null });
    session.client.call('briefingPack', { name, presenter, classification, scenes: request() }, EXPORT_TIMEOUT_MS).then(
      (file) => {
        downloadPdf(file);
        setState({ busy: false, done: file, error: null });
      },
      (err: unknown) => setState({ busy: false, done: null, error: err instanceof Error ? err.message : String(err) }),
    );
  };
  const ready =
    name.trim() !== '' && presenter.trim() !== '' && scenes.length > 0 && scenes.every((s) => s.title.trim());
  return (
    <section className="briefing-pack" aria-labelledby="briefing-pack-title" data-testid="briefing-pack">
      <h2 id="briefing-pack-title">{t('pack.section')}</h2>
      <div className="briefing-pack__fields">
        {briefings.length > 0 && (
          <label>
            {t('pack.fromBriefing')}{' '}
            <select value="" onChange={(e) => fromBriefing(e.target.value)} data-testid="briefing-pack-from">
              <option value="">—</option>
              {briefings.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('pack.name')} <input value={name} maxLength={160} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('pack.presenterField')}{' '}
          <input value={presenter} maxLength={120} onChange={(e) => setPresenter(e.target.value)} />
        </label>
        <label>
          {t('pack.classificationField')}{' '}
          <select value={classification} onChange={(e) => setClassification(Classification.parse(e.target.value))}>
            {Classification.options.map((c) => (
              <option key={c} value={c}>
                {t(`pack.classification.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="briefing-pack__scenes">
        {scenes.map((s, i) => (
          <li key={i}>
            <input
              aria-label={t('pack.sceneTitle')}
              placeholder={t('pack.sceneTitle')}
              value={s.title}
              maxLength={120}
              onChange={(e) => edit(i, { title: e.target.value })}
            />
            <select
              aria-label={t('pack.preset')}
              value={s.presetId || firstPreset}
              onChange={(e) => edit(i, { presetId: e.target.value })}
            >
              {presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <input
              type="datetime-local"
              aria-label={t('pack.asOf')}
              title={t('pack.asOf')}
              value={s.asOf}
              onChange={(e) => edit(i, { asOf: e.target.value })}
            />
            <input
              aria-label={t('pack.notesField')}
              placeholder={t('pack.notesField')}
              value={s.notes}
              maxLength={4000}
              onChange={(e) => edit(i, { notes: e.target.value })}
            />
            <button type="button" onClick={() => setScenes((list) => list.filter((_, j) => j !== i))}>
              {t('pack.removeScene')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => setScenes((list) => [...list, { title: '', presetId: firstPreset, asOf: '', notes: '' }])}
        disabled={scenes.length >= 100 || presets.length === 0}
      >
        {t('pack.addScene')}
      </button>{' '}
      <button type="button" onClick={exportPack} disabled={!ready || state.busy} data-testid="briefing-pack-export">
        {state.busy ? t('pack.exporting') : t('pack.export')}
      </button>
      {state.done && (
        <p role="status">
          {t('pack.exported', {
            file: state.done.fileName,
            pages: state.done.pages,
            size: formatNumber(state.done.bytes / 1024),
          })}
        </p>
      )}
      {state.error && (
        <p className="console__error" role="alert">
          {state.error}
        </p>
      )}
    </section>
  );
}

/** The PDF as a download. */
function downloadPdf(file: PackFile): void {
  const bytes = Uint8Array.from(atob(file.pdfBase64), (c) => c.charCodeAt(0));
  downloadBlob(file.fileName, new Blob([bytes], { type: 'application/pdf' }));
}
