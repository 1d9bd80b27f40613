// Commands on presets and the wall's state, executed inside CommandLog's transaction (so the command's record
// and the events it causes are written together, once per idempotency key). The hub is the one place where
// versions are compared: a save based on an older version is rejected as a conflict, never applied over it.
import type { CommandRequest, CommandResult, Envelope } from '../src/contract/hub-protocol.js';
import {
  PRESET_COMMAND_ARGS,
  PRESET_COMMAND_NAMES,
  type PresetCommandName,
  PresetPayload,
  WALL_STATE_KEY,
  WallStatePayload,
} from '../src/domain/presets/preset-schema.js';
import { deletePreset, savePreset, undoPreset, type VersionOutcome } from '../src/domain/presets/preset-versions.js';
import {
  activatePreset,
  emptyWallState,
  revertToSchedule,
  setSchedule,
  type WallStateOutcome,
} from '../src/domain/presets/wall-state.js';
import type { EventLog } from './event-log.js';
import { presetStoreProblem } from './guard/store-limits.js';

export interface Execution {
  result: CommandResult;
  events: Envelope[];
}

export function isPresetCommand(name: string): name is PresetCommandName {
  return (PRESET_COMMAND_NAMES as string[]).includes(name);
}

/** Versions of a preset back to the oldest the log still holds: undo's source. */
function versionReader(log: EventLog, presetId: string): (version: number) => PresetPayload | undefined {
  const find = log.database.prepare<[string, number], { payload: string }>(
    `SELECT payload FROM events WHERE topic = 'wall.presets' AND key = ? AND json_extract(payload, '$.version') = ?
     ORDER BY offset DESC LIMIT 1`,
  );
  return (version) => {
    const row = find.get(presetId, version);
    const parsed = row ? PresetPayload.safeParse(JSON.parse(row.payload)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  };
}

function presetOf(log: EventLog, id: string): PresetPayload | undefined {
  const e = log.latestOf('wall.presets', id);
  const parsed = e ? PresetPayload.safeParse(e.payload) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

function wallStateOf(log: EventLog): WallStatePayload {
  const e = log.latestOf('wall.state', WALL_STATE_KEY);
  const parsed = e ? WallStatePayload.safeParse(e.payload) : undefined;
  return parsed?.success ? parsed.data : emptyWallState();
}

export function executePresetCommand(log: EventLog, cmd: CommandRequest, now: number): Execution {
  const change = { by: cmd.issuer, at: now };
  const source = `operator:${cmd.issuer}`;
  const done = (outcome: VersionOutcome | WallStateOutcome): Execution => {
    if (!outcome.ok) return { result: { status: 'rejected', message: outcome.message, appliedAt: now }, events: [] };
    const event =
      'preset' in outcome
        ? { topic: 'wall.presets' as const, key: outcome.preset.id, source, time: now, payload: outcome.preset }
        : { topic: 'wall.state' as const, key: WALL_STATE_KEY, source, time: now, payload: outcome.state };
    return { result: { status: 'applied', message: outcome.message, appliedAt: now }, events: log.append([event]) };
  };
  const name = cmd.name as PresetCommandName;
  switch (name) {
    case 'preset.save': {
      const args = PRESET_COMMAND_ARGS[name].parse(cmd.args);
      const full = presetStoreProblem(log, args.preset.id, Buffer.byteLength(JSON.stringify(args.preset)));
      if (full) return done({ ok: false, message: full });
      return done(savePreset(presetOf(log, args.preset.id), args.preset, args.baseVersion, change));
    }
    case 'preset.delete': {
      const args = PRESET_COMMAND_ARGS[name].parse(cmd.args);
      return done(deletePreset(presetOf(log, args.presetId), args.presetId, args.baseVersion, change));
    }
    case 'preset.undo': {
      const args = PRESET_COMMAND_ARGS[name].parse(cmd.args);
      const current = presetOf(log, args.presetId);
      const full = presetStoreProblem(log, args.presetId, 0); // restoring a deleted one adds a preset
      if (full) return done({ ok: false, message: full });
      return done(undoPreset(current, args.presetId, args.baseVersion, versionReader(log, args.presetId), change));
    }
    case 'wall.activate': {
      const args = PRESET_COMMAND_ARGS[name].parse(cmd.args);
      return done(activatePreset(wallStateOf(log), presetOf(log, args.presetId), args.presetId, change));
    }
    case 'wall.revertToSchedule':
      return done(revertToSchedule(wallStateOf(log), change));
    case 'wall.setSchedule': {
      const args = PRESET_COMMAND_ARGS[name].parse(cmd.args);
      const outcome = setSchedule(
        wallStateOf(log),
        args.entries,
        args.fallbackPresetId,
        (id) => presetOf(log, id),
        change,
      );
      return done(outcome);
    }
  }
}
