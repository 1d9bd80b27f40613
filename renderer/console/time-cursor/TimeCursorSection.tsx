// The console's control of the wall's time cursor: pick a time, step an hour or a day, replay at ×N, and back to
// live in one action. Every surface (this console too) shows the bar while the wall is not live.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPLAY_SPEEDS, type TimeCursorRequest } from '../../../src/contract/time-cursor.js';
import { useSession, useSessionSnapshot } from '../../state/session-context';
import { useWallNow } from '../../state/wall-now';
import { useMayRun } from '../people/use-may-run';
import { fromInputValue, toInputValue } from './zone-input';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function TimeCursorSection(): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const { timeCursor, clockOffsetMs } = useSessionSnapshot();
  const wallNow = useWallNow();
  const may = useMayRun('wall.timeCursor');
  const [picked, setPicked] = useState(() => toInputValue(Date.now() + clockOffsetMs - DAY));
  const [speed, setSpeed] = useState<number>(60);
  const [error, setError] = useState<string | null>(null);
  if (!may) return null;

  const send = (request: TimeCursorRequest): void => {
    setError(null);
    session.client.call('timeCursor', request).then(
      (state) => state.asOf !== null && setPicked(toInputValue(state.asOf)),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  /** A step from the wall's time; one that reaches the present is live. */
  const step = (by: number): void => {
    const target = wallNow + by;
    send({ asOf: target >= Date.now() + clockOffsetMs ? null : target, replaySpeed: null });
  };
  const pickedAt = fromInputValue(picked);
  return (
    <section className="time-cursor" aria-labelledby="time-cursor-title" data-testid="time-cursor">
      <h2 id="time-cursor-title">{t('timeCursor.section')}</h2>
      {timeCursor.asOf === null && <p>{t('timeCursor.isLive')}</p>}
      <form
        className="time-cursor__pick"
        onSubmit={(e) => {
          e.preventDefault();
          if (pickedAt !== null) send({ asOf: pickedAt, replaySpeed: null });
        }}
      >
        <label>
          {t('timeCursor.when')}{' '}
          <input
            type="datetime-local"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
            data-testid="time-cursor-input"
          />
        </label>
        <button type="submit" disabled={pickedAt === null}>
          {t('timeCursor.show')}
        </button>
      </form>
      <div className="time-cursor__steps" role="group">
        <button type="button" onClick={() => step(-DAY)}>
          {t('timeCursor.back1d')}
        </button>
        <button type="button" onClick={() => step(-HOUR)}>
          {t('timeCursor.back1h')}
        </button>
        <button type="button" onClick={() => step(HOUR)} disabled={timeCursor.asOf === null}>
          {t('timeCursor.forward1h')}
        </button>
        <button type="button" onClick={() => step(DAY)} disabled={timeCursor.asOf === null}>
          {t('timeCursor.forward1d')}
        </button>
      </div>
      <div className="time-cursor__replay" role="group">
        <label>
          {t('timeCursor.speed')}{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                ×{s}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={timeCursor.asOf === null && pickedAt === null}
          onClick={() => send({ asOf: timeCursor.asOf ?? pickedAt, replaySpeed: speed })}
        >
          {t('timeCursor.replay')}
        </button>
        <button
          type="button"
          className="time-cursor__live"
          disabled={timeCursor.asOf === null}
          onClick={() => send({ asOf: null, replaySpeed: null })}
          data-testid="time-cursor-live"
        >
          {t('timeCursor.backToLive')}
        </button>
      </div>
      {error && (
        <p className="console__error" role="alert">
          {t('timeCursor.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
