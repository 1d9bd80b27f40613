// The presenter page (#/presenter): a leader's tablet or phone on the room's network driving the briefing on the
// wall. The console's token and login; then big buttons (Trước / Tiếp / Màn đen / Kết thúc), the scene on the
// wall and the next one with a schematic of its preset, the speaker notes, the clock and the time elapsed, and a pad the shape of the wall for a pointer. A
// clicker or keyboard works here as on the console (use-presenter.ts).
import { ConsoleSession } from '../console/people/ConsoleSession';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeParams } from '../../src/contract/bridge.js';
import { formatTime } from '../../src/i18n/format.js';
import { ConnectingPage } from '../app/ConnectingPage';
import { setLocale } from '../app/i18n';
import { useCommand } from '../console/editor/use-command';
import { useWallPresets } from '../console/editor/use-wall-presets';
import { useBriefings } from '../console/briefing/use-briefings';
import { usePresenter } from '../console/briefing/use-presenter';
import { LoginPage } from '../console/people/LoginPage';
import { PersonBar } from '../console/people/PersonBar';
import { useSessionSnapshot } from '../state/session-context';
import { useNow } from '../state/now';
import { ConnectionBanner } from '../wall/ConnectionBanner';
import { stopwatch } from './elapsed';
import { PointerPad } from './PointerPad';
import { SceneThumbnail } from './SceneThumbnail';
import '../console/people/people.css';
import './presenter.css';

export function PresenterPage({ params }: { params: BridgeParams }): ReactNode {
  return (
    <ConsoleSession params={params}>
      <PresenterView />
    </ConsoleSession>
  );
}

function PresenterView(): ReactNode {
  const { t } = useTranslation();
  const snapshot = useSessionSnapshot();
  const { connection, feed, hello, person } = snapshot;
  const hostLocale = hello?.locale;
  useEffect(() => {
    if (hostLocale) setLocale(hostLocale);
  }, [hostLocale]);
  useEffect(() => {
    document.title = `${t('presenter.title')} – IOC Wall`;
  }, [t]);
  if (!hello) return <ConnectingPage snapshot={snapshot} />;
  return (
    <div className="presenter" data-testid="presenter">
      <ConnectionBanner connection={connection} feed={feed} />
      <header className="presenter__header">
        <h1>{t('presenter.title')}</h1>
        {person && <PersonBar person={person} />}
      </header>
      {person ? <PresenterControls /> : <LoginPage ended={snapshot.personEnded} />}
    </div>
  );
}

function PresenterControls(): ReactNode {
  const { t } = useTranslation();
  const { briefings, byId, state } = useBriefings();
  const presets = useWallPresets().byId;
  const command = useCommand();
  const briefing = state?.briefingId ? byId.get(state.briefingId) : undefined;
  const { mayPresent, index, scene, next, act } = usePresenter(state, briefing, command.run);
  const now = useNow(useSessionSnapshot().clockOffsetMs);
  const outcome = command.state;

  if (!mayPresent) return <p role="alert">{t('presenter.notAllowed')}</p>;
  const failure =
    (outcome.phase === 'failed' || outcome.phase === 'rejected') && outcome.message ? (
      <p className="presenter__error" role="alert">
        {t('presenter.commandFailed', { message: outcome.message })}
      </p>
    ) : null;
  const clock = (
    <p className="presenter__clock">
      <span>{t('presenter.clock')}</span> <strong data-testid="presenter-clock">{formatTime(now).slice(0, 5)}</strong>
      {state?.startedAt != null && index !== null && (
        <>
          {' · '}
          <span>{t('presenter.elapsed')}</span> <strong>{stopwatch(now - state.startedAt)}</strong>
        </>
      )}
      {state?.sceneAt != null && index !== null && (
        <>
          {' · '}
          <span>{t('presenter.sceneElapsed')}</span> <strong>{stopwatch(now - state.sceneAt)}</strong>
        </>
      )}
    </p>
  );

  if (!state || !briefing || index === null || !scene) {
    return (
      <main className="presenter__main">
        {clock}
        {failure}
        <p>{briefings.length === 0 ? t('presenter.none') : t('presenter.idle')}</p>
        <ul className="presenter__briefings">
          {briefings.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                className="button presenter__big"
                disabled={b.scenes.length === 0}
                onClick={() => command.run('briefing.start', { briefingId: b.id })}
                data-testid="presenter-start"
                data-briefing-id={b.id}
              >
                ▶ {t('presenter.start')}: {b.name}
              </button>
            </li>
          ))}
        </ul>
      </main>
    );
  }
  return (
    <main className="presenter__main" data-testid="presenter-scene" data-scene-id={scene.id}>
      {clock}
      {failure}
      <section className="presenter__now" aria-live="polite">
        <p className="presenter__label">
          {t('presenter.now')} · {t('presenter.sceneOf', { n: index + 1, total: briefing.scenes.length })} ·{' '}
          {briefing.name}
        </p>
        <h2 data-testid="presenter-current">{scene.title}</h2>
        {state.black && <p className="presenter__black">● {t('presenter.blackOn')}</p>}
      </section>
      <div className="presenter__buttons">
        <button
          type="button"
          className="button presenter__big"
          disabled={index === 0}
          onClick={() => act('previous')}
          data-testid="presenter-previous"
        >
          ◀ {t('presenter.previous')}
        </button>
        <button
          type="button"
          className="button button--primary presenter__big"
          disabled={!next}
          onClick={() => act('next')}
          data-testid="presenter-next"
        >
          {t('presenter.next')} ▶
        </button>
        <button
          type="button"
          className="button presenter__big"
          aria-pressed={state.black}
          onClick={() => act('black')}
          data-testid="presenter-black"
        >
          {state.black ? t('presenter.unblack') : t('presenter.black')}
        </button>
        <button
          type="button"
          className="button button--danger presenter__big"
          onClick={() => command.run('briefing.end', {})}
          data-testid="presenter-end"
        >
          ■ {t('presenter.end')}
        </button>
      </div>
      <PointerPad />
      <section className="presenter__next">
        <p className="presenter__label">{t('presenter.upNext')}</p>
        <h3 data-testid="presenter-next-title">{next ? next.title : t('presenter.last')}</h3>
        {next && <SceneThumbnail preset={presets.get(next.presetId)} />}
      </section>
      <section className="presenter__notes">
        <p className="presenter__label">{t('presenter.notes')}</p>
        <p className="presenter__notes-text">{scene.notes || t('presenter.noNotes')}</p>
      </section>
      <small className="presenter__hint">{t('presenter.keysHint')}</small>
    </main>
  );
}
