// Commands on briefings (save, delete: versioned like presets) and on what the wall presents (start, steps,
// jump, end, black, spotlight). The presentation is one key of `briefing.state`, so every host and surface
// follows it and a host that reconnects, or starts offline from its cache, finds it where it was.
import {
  BRIEFING_STATE_KEY,
  BriefingPayload,
  BriefingStatePayload,
} from '../../src/domain/briefing/briefing-schema.js';
import { type BriefingOutcome, deleteBriefing, saveBriefing } from '../../src/domain/briefing/briefing-versions.js';
import {
  currentScene,
  endBriefing,
  idleBriefingState,
  jumpBriefing,
  type PresentationOutcome,
  setBlack,
  setSpotlight,
  startBriefing,
  stepBriefing,
} from '../../src/domain/briefing/presentation.js';
import { PresetPayload } from '../../src/domain/presets/preset-schema.js';
import type { EventLog } from '../event-log.js';
import { briefingStoreProblem } from '../guard/store-limits.js';
import { applied, changeBy, type CommandContext, type CommandHandlers, type Execution, rejected } from './execution.js';

function briefingOf(log: EventLog, id: string | null): BriefingPayload | undefined {
  return id === null ? undefined : log.latestPayload('briefing.briefings', id, BriefingPayload);
}

function stateOf(log: EventLog): BriefingStatePayload {
  return log.latestPayload('briefing.state', BRIEFING_STATE_KEY, BriefingStatePayload) ?? idleBriefingState();
}

/** Whether the preset of the scene on the wall has this tile on this surface. */
function tileOnWall(log: EventLog, state: BriefingStatePayload): (surfaceId: string, tileId: string) => boolean {
  const scene = currentScene(state, briefingOf(log, state.briefingId));
  const e = scene ? log.latestOf('wall.presets', scene.presetId) : undefined;
  const preset = e ? PresetPayload.safeParse(e.payload) : undefined;
  return (surfaceId, tileId) =>
    preset?.success === true && (preset.data.layouts[surfaceId]?.tiles.some((t) => t.id === tileId) ?? false);
}

function done(ctx: CommandContext, outcome: BriefingOutcome | PresentationOutcome): Execution {
  if (!outcome.ok) return rejected(ctx, outcome.reason, outcome.message);
  const event =
    'briefing' in outcome
      ? { topic: 'briefing.briefings' as const, key: outcome.briefing.id, payload: outcome.briefing }
      : { topic: 'briefing.state' as const, key: BRIEFING_STATE_KEY, payload: outcome.state };
  return applied(ctx, outcome.message, [event]);
}

/** A presentation change of the current state, with the briefing it presents. */
function present(
  ctx: CommandContext,
  change: (state: BriefingStatePayload, briefing: BriefingPayload | undefined) => PresentationOutcome,
): Execution {
  const state = stateOf(ctx.log);
  return done(ctx, change(state, briefingOf(ctx.log, state.briefingId)));
}

export const BRIEFING_HANDLERS = {
  'briefing.save': (args, ctx) => {
    const full = briefingStoreProblem(ctx.log, args.briefing.id, Buffer.byteLength(JSON.stringify(args.briefing)));
    if (full) return rejected(ctx, 'limit', full);
    const current = briefingOf(ctx.log, args.briefing.id);
    return done(ctx, saveBriefing(current, args.briefing, args.baseVersion, changeBy(ctx)));
  },
  'briefing.delete': (args, ctx) => {
    const current = briefingOf(ctx.log, args.briefingId);
    const presenting = stateOf(ctx.log).briefingId;
    return done(ctx, deleteBriefing(current, args.briefingId, args.baseVersion, presenting, changeBy(ctx)));
  },
  'briefing.start': (args, ctx) => {
    const briefing = briefingOf(ctx.log, args.briefingId);
    return done(ctx, startBriefing(stateOf(ctx.log), briefing, args.briefingId, args.sceneId, changeBy(ctx)));
  },
  'briefing.next': (args, ctx) => present(ctx, (s, b) => stepBriefing(s, b, 1, args.from, changeBy(ctx))),
  'briefing.previous': (args, ctx) => present(ctx, (s, b) => stepBriefing(s, b, -1, args.from, changeBy(ctx))),
  'briefing.jump': (args, ctx) => present(ctx, (s, b) => jumpBriefing(s, b, args.sceneId, changeBy(ctx))),
  'briefing.end': (_args, ctx) => done(ctx, endBriefing(stateOf(ctx.log), changeBy(ctx))),
  'briefing.black': (args, ctx) => done(ctx, setBlack(stateOf(ctx.log), args.on, changeBy(ctx))),
  'briefing.spotlight': (args, ctx) => {
    const state = stateOf(ctx.log);
    return done(ctx, setSpotlight(state, args.spotlight, tileOnWall(ctx.log, state), changeBy(ctx)));
  },
} satisfies Partial<CommandHandlers>;
