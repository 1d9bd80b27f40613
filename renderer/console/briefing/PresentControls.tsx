// What the wall presents and the presenter's controls: the scene (n of total), the next one, the notes, and
// previous / next / black / end / spotlight — also from a clicker or the keyboard (see use-presenter.ts).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BriefingPayload,
  type BriefingStatePayload,
  Spotlight,
} from '../../../src/domain/briefing/briefing-schema.js';
import { useWallPresets } from '../editor/use-wall-presets';
import { usePresenter } from './use-presenter';
import type { RunCommand } from '../editor/use-command';

interface PresentControlsProps {
  state: BriefingStatePayload | null;
  briefing: BriefingPayload | undefined;
  run: RunCommand;
}

export function PresentControls({ state, briefing, run }: PresentControlsProps): ReactNode {
  const { t } = useTranslation();
  const { mayPresent, index, scene, next, act } = usePresenter(state, briefing, run);
  const preset = useWallPresets().byId.get(scene?.presetId ?? '');
  const tiles = Object.entries(preset?.layouts ?? {}).flatMap(([surfaceId, l]) =>
    l.tiles.map((tile) => ({ surfaceId, tileId: tile.id, kind: tile.kind })),
  );

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
          <button type="button" className="button" disabled={index === 0} onClick={() => act('previous')}>
            ◀ {t('briefing.previous')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!next}
            onClick={() => act('next')}
            data-testid="briefing-next"
          >
            {t('briefing.next')} ▶
          </button>
          <button type="button" className="button" aria-pressed={state.black} onClick={() => act('black')}>
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
