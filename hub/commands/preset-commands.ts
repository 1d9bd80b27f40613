// Commands on presets and the wall's state. The hub is the one place where versions are compared: a save based
// on an older version is rejected as a conflict, never applied over it.
import { PresetPayload, WALL_STATE_KEY, WallStatePayload } from '../../src/domain/presets/preset-schema.js';
import { deletePreset, savePreset, undoPreset, type VersionOutcome } from '../../src/domain/presets/preset-versions.js';
import {
  activatePreset,
  emptyWallState,
  revertToSchedule,
  setPrivacy,
  setSchedule,
  type WallStateOutcome,
} from '../../src/domain/presets/wall-state.js';
import type { EventLog } from '../event-log.js';
import { presetStoreProblem } from '../guard/store-limits.js';
import { versionReader } from './version-reader.js';
import { applied, changeBy, type CommandContext, type CommandHandlers, type Execution, rejected } from './execution.js';

function presetOf(log: EventLog, id: string): PresetPayload | undefined {
  return log.latestPayload('wall.presets', id, PresetPayload);
}

function wallStateOf(log: EventLog): WallStatePayload {
  return log.latestPayload('wall.state', WALL_STATE_KEY, WallStatePayload) ?? emptyWallState();
}

/** The new version of a preset, or of the wall's state, as the event of its key. */
function done(ctx: CommandContext, outcome: VersionOutcome | WallStateOutcome): Execution {
  if (!outcome.ok) return rejected(ctx, outcome.reason, outcome.message);
  const event =
    'preset' in outcome
      ? { topic: 'wall.presets' as const, key: outcome.preset.id, payload: outcome.preset }
      : { topic: 'wall.state' as const, key: WALL_STATE_KEY, payload: outcome.state };
  return applied(ctx, outcome.message, [event]);
}

export const PRESET_HANDLERS = {
  'preset.save': (args, ctx) => {
    const full = presetStoreProblem(ctx.log, args.preset.id, Buffer.byteLength(JSON.stringify(args.preset)));
    if (full) return rejected(ctx, 'limit', full);
    return done(ctx, savePreset(presetOf(ctx.log, args.preset.id), args.preset, args.baseVersion, changeBy(ctx)));
  },
  'preset.delete': (args, ctx) =>
    done(ctx, deletePreset(presetOf(ctx.log, args.presetId), args.presetId, args.baseVersion, changeBy(ctx))),
  'preset.undo': (args, ctx) => {
    const full = presetStoreProblem(ctx.log, args.presetId, 0); // restoring a deleted one adds a preset
    if (full) return rejected(ctx, 'limit', full);
    const current = presetOf(ctx.log, args.presetId);
    const versionOf = versionReader(ctx.log, 'wall.presets', args.presetId, PresetPayload);
    return done(ctx, undoPreset(current, args.presetId, args.baseVersion, versionOf, changeBy(ctx)));
  },
  'wall.activate': (args, ctx) =>
    done(ctx, activatePreset(wallStateOf(ctx.log), presetOf(ctx.log, args.presetId), args.presetId, changeBy(ctx))),
  'wall.revertToSchedule': (_args, ctx) => done(ctx, revertToSchedule(wallStateOf(ctx.log), changeBy(ctx))),
  'wall.setSchedule': (args, ctx) => {
    const presetById = (id: string) => presetOf(ctx.log, id);
    const state = wallStateOf(ctx.log);
    return done(ctx, setSchedule(state, args.entries, args.fallbackPresetId, presetById, changeBy(ctx)));
  },
  'wall.setPrivacy': (args, ctx) => done(ctx, setPrivacy(wallStateOf(ctx.log), args.on, changeBy(ctx))),
} satisfies Partial<CommandHandlers>;
