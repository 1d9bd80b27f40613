// What a presenter drives, shared by the console's controls and the presenter page (#/presenter): the scene on the
// wall and the next one, the press of a button, a clicker or a key (PageDown, PageUp, arrows, B) anywhere on the
// page while a briefing is presented — except while typing in a field — and a timed scene's advance. Each press
// names the scene it was made on, so a doubled press or one queued offline does not skip a scene. A timed scene
// is advanced by every page presenting it when its time is up; the first press moves the wall, the others are
// refused as made on a scene already left.
import { useEffect, useRef } from 'react';
import type { BriefingPayload, BriefingStatePayload, Scene } from '../../../src/domain/briefing/briefing-schema.js';
import { currentSceneIndex } from '../../../src/domain/briefing/presentation.js';
import { useMayRun } from '../people/use-may-run';
import { isTyping, type PresenterAction, presenterAction } from './presenter-keys';
import type { RunCommand } from '../editor/use-command';

export interface Presenter {
  /** The person on this page may present (leader or admin). */
  mayPresent: boolean;
  /** Index of the scene on the wall; null when no briefing is presented. */
  index: number | null;
  scene: Scene | undefined;
  next: Scene | undefined;
  act: (action: PresenterAction) => void;
}

export function usePresenter(
  state: BriefingStatePayload | null,
  briefing: BriefingPayload | undefined,
  run: RunCommand,
): Presenter {
  const mayPresent = useMayRun('briefing.next');
  const index = state ? currentSceneIndex(state, briefing) : null;
  const scene = index === null ? undefined : briefing?.scenes[index];
  const next = index === null ? undefined : briefing?.scenes[index + 1];

  const act = useRef<(action: PresenterAction) => void>(() => undefined);
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

  return { mayPresent, index, scene, next, act: (action) => act.current(action) };
}
