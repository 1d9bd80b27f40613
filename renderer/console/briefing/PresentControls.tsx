// What the wall presents and the presenter's controls: the scene (n of total), the next one, the notes, and
// previous / next / black / end — also from a clicker or the keyboard (PageDown, PageUp, arrows, B) anywhere on
// the page while a briefing is presented, except while typing in a field. Each press names the scene it was made
// on, so a doubled press or one queued offline does not skip a scene. A timed scene is advanced by every console
// presenting it when its time is up; the first press moves the wall, the others are refused as made on a scene
// already left.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BriefingPayload,
  type BriefingStatePayload,
  Spotlight,
} from '../../../src/domain/briefing/briefing-schema.js';
import { currentSceneIndex } from '../../../src/domain/briefing/presentation.js';
import { useWallPresets } from '../editor/use-wall-presets';
import { useMayRun } from '../people/use-may-run';
import { isTyping, presenterAction } from './presenter-keys';
import type { RunCommand } from '../editor/use-command';

interface PresentControlsProps {
  state: BriefingStatePayload | null;
  briefing: BriefingPayload | undefined;
  run: RunCommand;
}

export function PresentControls({ state, briefing, run }: PresentControlsProps): ReactNode {
  const { t } = useTranslation();
  const mayPresent = useMayRun('briefing.next');
  const index = state ? currentSceneIndex(state, briefing) : null;
  const scene = index === null ? undefined : briefing?.scenes[index];
  const next = index === null ? undefined : briefing?.scenes[index + 1];
  const preset = useWallPresets().byId.get(scene?.presetId ?? '');
  const tiles = Object.entries(preset?.layouts ?? {}).flatMap(([surfaceId, l]) =>
    l.tiles.map((tile) => ({ surfaceId, tileId: tile.id, kind: tile.kind })),
  );

  const act = useRef<(action: 'next' | 'previous' | 'black') => void>(() => undefined);
  act.current = (action) => {
    if (!state || !scene) return;
    if (action === 'black') run('briefing.black', { on: !state.black });
    else run(action === 'next' ? 'briefing.next' : 'briefing.previous', { from: scene.id });
  };
  const presenting = mayPresent && scene !== undefined;
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const action = presenterAction(e.key);
      if (!action) return;
      e.preventDefault();
      act.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);

  const sceneAt = state?.sceneAt ?? null;
  const timed = presenting && next && !state?.black && sceneAt !== null ? scene.durationS : null;
  useEffect(() => {
    if (timed === null || sceneAt === null) return;
    const timer = setTimeout(() => act.current('next'), Math.max(0, sceneAt + timed * 1000 - Date.now()));
    return () => clearTimeout(timer);
  }, [timed, sceneAt]);

  if (!state || !briefing || index === null || !scene) {
    return (
      <p className="briefing__state" role="status" data-testid="briefing-state">
        {t('briefing.notPresenting')}
      </p>
    );
  }
  return (
    <div className="briefing__present" data-testid="briefing-present">
      <p className="briefing__state" role="status" data-testid="briefing-state" data-scene-id={scene.id}>
        <strong>
          {t('briefing.presenting', { name: briefing.name, n: index + 1, total: briefing.scenes.length })}
        </strong>
        {' · '}
        {scene.title}
        {state.black && <span className="badge"> ● {t('briefing.blackOn')}</span>}
      </p>
      <p className="briefing__next">
        {t('briefing.upNext')}: {next ? next.title : t('briefing.last')}
      </p>
      {scene.notes && <p className="briefing__notes">{scene.notes}</p>}
      {mayPresent && (
        <div className="briefing__buttons">
          <button type="button" className="button" disabled={index === 0} onClick={() => act.current('previous')}>
            ◀ {t('briefing.previous')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!next}
            onClick={() => act.current('next')}
            data-testid="briefing-next"
          >
            {t('briefing.next')} ▶
          </button>
          <button type="button" className="button" aria-pressed={state.black} onClick={() => act.current('black')}>
            {state.black ? t('briefing.unblack') : t('briefing.black')}
          </button>
          <button type="button" className="button button--danger" onClick={() => run('briefing.end', {})}>
            ■ {t('briefing.end')}
          </button>
          <label>
            {t('briefing.spotlight')}{' '}
            <select
              value={
                state.spotlight ? `${state.spotlight.scope}|${state.spotlight.surfaceId}|${state.spotlight.tileId}` : ''
              }
              onChange={(e) => {
                const [scope, surfaceId, tileId] = e.target.value.split('|');
                const spot = Spotlight.safeParse({ scope, surfaceId, tileId });
                run('briefing.spotlight', { spotlight: spot.success ? spot.data : null });
              }}
              data-testid="briefing-spotlight"
            >
              <option value="">{t('briefing.spotlightOff')}</option>
              {(['monitor', 'wall'] as const).flatMap((scope) =>
                tiles.map((x) => (
                  <option key={`${scope}|${x.surfaceId}|${x.tileId}`} value={`${scope}|${x.surfaceId}|${x.tileId}`}>
                    {x.surfaceId} · {x.tileId} ({x.kind}) —{' '}
                    {t(scope === 'wall' ? 'briefing.acrossWall' : 'briefing.oneMonitor')}
                  </option>
                )),
              )}
            </select>
          </label>
          <small className="briefing__hint">{t('briefing.keysHint')}</small>
        </div>
      )}
    </div>
  );
}
