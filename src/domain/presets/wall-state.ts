// Changes to the wall's state: manual override, revert to schedule, a new schedule. Pure; the hub applies them
// in the command's transaction and refuses a preset that does not exist (or was deleted).
import type { PresetPayload, ScheduleEntry, WallStatePayload } from './preset-schema.js';
import type { Change } from './preset-versions.js';

export type WallStateOutcome =
  | { ok: true; state: WallStatePayload; message: string }
  | { ok: false; reason: 'not-found' | 'invalid-state'; message: string };

export function emptyWallState(at = 0, by = 'system'): WallStatePayload {
  return {
    schedule: { entries: [], fallbackPresetId: null },
    override: null,
    privacy: false,
    updatedAt: at,
    updatedBy: by,
  };
}

/** Privacy mode on or off for the whole wall; switching to what it already is changes nothing. */
export function setPrivacy(state: WallStatePayload, on: boolean, change: Change): WallStateOutcome {
  if (state.privacy === on) {
    return { ok: false, reason: 'invalid-state', message: on ? 'privacy mode is already on' : 'privacy mode is off' };
  }
  return {
    ok: true,
    state: { ...state, privacy: on, updatedAt: change.at, updatedBy: change.by },
    message: on ? 'privacy mode on' : 'privacy mode off',
  };
}

const usable = (p: PresetPayload | undefined): p is PresetPayload => p !== undefined && !p.deleted;

export function activatePreset(
  state: WallStatePayload,
  preset: PresetPayload | undefined,
  presetId: string,
  change: Change,
): WallStateOutcome {
  if (!usable(preset)) return { ok: false, reason: 'not-found', message: `no preset ${presetId}` };
  return {
    ok: true,
    message: `preset ${presetId} shown until reverted to the schedule`,
    state: {
      ...state,
      override: { presetId, at: change.at, by: change.by },
      updatedAt: change.at,
      updatedBy: change.by,
    },
  };
}

export function revertToSchedule(state: WallStatePayload, change: Change): WallStateOutcome {
  if (!state.override) {
    return { ok: false, reason: 'invalid-state', message: 'the wall already follows the schedule' };
  }
  return {
    ok: true,
    message: 'the wall follows the schedule again',
    state: { ...state, override: null, updatedAt: change.at, updatedBy: change.by },
  };
}

export function setSchedule(
  state: WallStatePayload,
  entries: ScheduleEntry[],
  fallbackPresetId: string | null | undefined,
  presetOf: (id: string) => PresetPayload | undefined,
  change: Change,
): WallStateOutcome {
  const fallback = fallbackPresetId === undefined ? state.schedule.fallbackPresetId : fallbackPresetId;
  const missing = [...new Set([...entries.map((e) => e.presetId), ...(fallback ? [fallback] : [])])].filter(
    (id) => !usable(presetOf(id)),
  );
  if (missing.length > 0) return { ok: false, reason: 'not-found', message: `no preset ${missing.join(', ')}` };
  return {
    ok: true,
    message: `schedule of ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} set`,
    state: {
      ...state,
      schedule: { entries, fallbackPresetId: fallback },
      updatedAt: change.at,
      updatedBy: change.by,
    },
  };
}
