// What the presentation commands do to `briefing.state`: start, step, jump, end, black, spotlight. Pure; the hub
// applies them in the command's transaction. A step names the scene it was pressed on (`from`), so a press
// queued while offline, or a second presenter's press of the same moment, does not skip a scene.
import type { Change } from '../presets/preset-versions.js';
import type { BriefingPayload, BriefingStatePayload, Scene, Spotlight } from './briefing-schema.js';

export type PresentationOutcome =
  | { ok: true; state: BriefingStatePayload; message: string }
  | { ok: false; reason: 'not-found' | 'invalid-state' | 'conflict'; message: string };

export function idleBriefingState(at = 0, by = 'system'): BriefingStatePayload {
  return {
    briefingId: null,
    sceneIndex: 0,
    sceneId: null,
    startedAt: null,
    sceneAt: null,
    black: false,
    spotlight: null,
    updatedAt: at,
    updatedBy: by,
  };
}

/** The scene on the wall: found by id (scenes may have been reordered since), else by index; null when idle. */
export function currentSceneIndex(state: BriefingStatePayload, briefing: BriefingPayload | undefined): number | null {
  if (state.briefingId === null || !briefing || briefing.deleted || briefing.scenes.length === 0) return null;
  const byId = briefing.scenes.findIndex((s) => s.id === state.sceneId);
  return byId >= 0 ? byId : Math.min(state.sceneIndex, briefing.scenes.length - 1);
}

export function currentScene(state: BriefingStatePayload, briefing: BriefingPayload | undefined): Scene | null {
  const i = currentSceneIndex(state, briefing);
  return i === null || !briefing ? null : (briefing.scenes[i] ?? null);
}

const usable = (b: BriefingPayload | undefined): b is BriefingPayload => b !== undefined && !b.deleted;

function atScene(
  state: BriefingStatePayload,
  briefing: BriefingPayload,
  index: number,
  change: Change,
): BriefingStatePayload {
  const scene = briefing.scenes[index] as Scene;
  // A new scene starts clean: not black, nothing spotlighted.
  return {
    ...state,
    briefingId: briefing.id,
    sceneIndex: index,
    sceneId: scene.id,
    sceneAt: change.at,
    black: false,
    spotlight: null,
    updatedAt: change.at,
    updatedBy: change.by,
  };
}

export function startBriefing(
  state: BriefingStatePayload,
  briefing: BriefingPayload | undefined,
  briefingId: string,
  sceneId: string | undefined,
  change: Change,
): PresentationOutcome {
  if (!usable(briefing)) return { ok: false, reason: 'not-found', message: `no briefing ${briefingId}` };
  if (briefing.scenes.length === 0) {
    return { ok: false, reason: 'invalid-state', message: `briefing ${briefingId} has no scenes` };
  }
  const index = sceneId === undefined ? 0 : briefing.scenes.findIndex((s) => s.id === sceneId);
  if (index < 0) return { ok: false, reason: 'not-found', message: `briefing ${briefingId} has no scene ${sceneId}` };
  return {
    ok: true,
    message: `briefing ${briefingId} started at scene ${index + 1}`,
    state: atScene({ ...state, startedAt: change.at }, briefing, index, change),
  };
}

type Presenting = { ok: true; briefing: BriefingPayload; index: number } | Extract<PresentationOutcome, { ok: false }>;

function presenting(state: BriefingStatePayload, briefing: BriefingPayload | undefined): Presenting {
  const index = currentSceneIndex(state, briefing);
  if (index === null || !briefing) return { ok: false, reason: 'invalid-state', message: 'no briefing is presented' };
  return { ok: true, briefing, index };
}

/** `from`: the scene the presenter saw when pressing; a step from another scene is refused, not applied twice. */
export function stepBriefing(
  state: BriefingStatePayload,
  briefing: BriefingPayload | undefined,
  delta: 1 | -1,
  from: string | undefined,
  change: Change,
): PresentationOutcome {
  const p = presenting(state, briefing);
  if (!p.ok) return p;
  if (from !== undefined && p.briefing.scenes[p.index]?.id !== from) {
    return { ok: false, reason: 'conflict', message: `the wall is no longer at scene ${from}` };
  }
  const index = p.index + delta;
  if (index < 0 || index >= p.briefing.scenes.length) {
    return {
      ok: false,
      reason: 'invalid-state',
      message: delta > 0 ? 'already at the last scene' : 'already at the first scene',
    };
  }
  return {
    ok: true,
    message: `scene ${index + 1} of ${p.briefing.scenes.length}`,
    state: atScene(state, p.briefing, index, change),
  };
}

export function jumpBriefing(
  state: BriefingStatePayload,
  briefing: BriefingPayload | undefined,
  sceneId: string,
  change: Change,
): PresentationOutcome {
  const p = presenting(state, briefing);
  if (!p.ok) return p;
  const index = p.briefing.scenes.findIndex((s) => s.id === sceneId);
  if (index < 0)
    return { ok: false, reason: 'not-found', message: `briefing ${p.briefing.id} has no scene ${sceneId}` };
  return {
    ok: true,
    message: `scene ${index + 1} of ${p.briefing.scenes.length}`,
    state: atScene(state, p.briefing, index, change),
  };
}

export function endBriefing(state: BriefingStatePayload, change: Change): PresentationOutcome {
  if (state.briefingId === null) return { ok: false, reason: 'invalid-state', message: 'no briefing is presented' };
  return { ok: true, message: `briefing ${state.briefingId} ended`, state: idleBriefingState(change.at, change.by) };
}

export function setBlack(state: BriefingStatePayload, on: boolean, change: Change): PresentationOutcome {
  if (state.briefingId === null) return { ok: false, reason: 'invalid-state', message: 'no briefing is presented' };
  if (state.black === on) {
    return { ok: false, reason: 'invalid-state', message: on ? 'the wall is already black' : 'the wall is not black' };
  }
  return {
    ok: true,
    message: on ? 'wall black' : 'wall shown again',
    state: { ...state, black: on, updatedAt: change.at, updatedBy: change.by },
  };
}

/** `tileExists`: whether the scene's preset has that tile on that surface; a spotlight of nothing is refused. */
export function setSpotlight(
  state: BriefingStatePayload,
  spotlight: Spotlight | null,
  tileExists: (surfaceId: string, tileId: string) => boolean,
  change: Change,
): PresentationOutcome {
  if (state.briefingId === null) return { ok: false, reason: 'invalid-state', message: 'no briefing is presented' };
  if (spotlight && !tileExists(spotlight.surfaceId, spotlight.tileId)) {
    return {
      ok: false,
      reason: 'not-found',
      message: `no tile ${spotlight.tileId} on ${spotlight.surfaceId} in this scene`,
    };
  }
  return {
    ok: true,
    message: spotlight ? `tile ${spotlight.tileId} spotlighted (${spotlight.scope})` : 'spotlight off',
    state: { ...state, spotlight, updatedAt: change.at, updatedBy: change.by },
  };
}
