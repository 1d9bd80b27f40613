// The operator commands: one table of each command's arguments and of the roles allowed to run it. Everything
// else about commands derives from it — the names the hub accepts, the arguments each handler receives, what the
// console may send — so a command added here is refused by the compiler until the hub has a handler for it.
import { z } from 'zod';
import { AlarmRule } from '../domain/alarms/alarm-rules.js';
import { AlarmId, RuleId } from '../domain/alarms/alarm-schema.js';
import { type Role } from '../domain/identity/roles.js';
import { BriefingDraft, BriefingId, SceneId, Spotlight } from '../domain/briefing/briefing-schema.js';
import { PresetDraft, PresetId, ScheduleEntry } from '../domain/presets/preset-schema.js';
import { TOPICS } from './topics.js';

const Note = z.string().trim().max(1000);
const Reason = z.string().trim().min(1).max(400);
/** Most alarms a bulk acknowledgement takes at once (a flood is worked in pages of this). */
const MAX_BULK = 500;
/** The version a change was based on; the hub applies it only if that is still the current one. */
const BaseVersion = z.number().int().nonnegative();

/** Who works the room: alerts and which preset the wall shows. An admin may do it too. */
const OPERATORS = ['operator', 'leader', 'admin'] as const satisfies readonly Role[];
/** Who changes what the room is set up with: presets and the schedule. */
const ADMINS = ['admin'] as const satisfies readonly Role[];
/** Who prepares and presents briefings. */
const LEADERS = ['leader', 'admin'] as const satisfies readonly Role[];
/** A step names the scene it was pressed on: a press queued offline, or a second presenter's, skips nothing. */
const Step = z.object({ from: SceneId.optional() });

/** Who may put a figure on the wall by hand (`ioc-wall hub publish`): operators and admins, not leaders. */
const PUBLISHERS = ['operator', 'admin'] as const satisfies readonly Role[];

/**
 * Topics of the centre's data, which a person may publish to. The wall's own state has its own commands, and so
 * have alarms: a hand-written alarm record would skip the lifecycle (and could overwrite someone's acknowledgement).
 */
const PUBLISHABLE_TOPICS = ['econ.indicators', 'econ.live', 'gov.tasks'] as const;

/** An event published by hand: its payload checked against its topic's schema before anything is sent. */
const PublishArgs = z
  .object({ topic: z.enum(PUBLISHABLE_TOPICS), key: z.string().min(1).max(128), payload: z.unknown() })
  .superRefine((a, ctx) => {
    const r = TOPICS[a.topic].payload.safeParse(a.payload);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, path: ['payload', ...i.path] } as never);
  });

/** A rule the hub can run: besides its own fields, it must watch a topic the hub carries. */
const RunnableRule = AlarmRule.refine((rule) => Object.hasOwn(TOPICS, rule.watch.topic), {
  path: ['watch', 'topic'],
  message: 'topic: not one the hub carries',
});

interface CommandSpec {
  args: z.ZodType;
  roles: readonly Role[];
}

export const COMMANDS = {
  /** One or several alarms; those already acknowledged are left as they are and counted in the message. */
  'alarm.acknowledge': {
    args: z.object({ alarmIds: z.array(AlarmId).min(1).max(MAX_BULK), note: Note.optional() }),
    roles: OPERATORS,
  },
  /** Timed always; the hub caps the duration by the alarm's priority (DEFAULT_SHELVE_POLICY). */
  'alarm.shelve': {
    args: z.object({
      alarmId: AlarmId,
      minutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
      reason: Reason,
      oneShot: z.boolean().default(false),
    }),
    roles: OPERATORS,
  },
  'alarm.unshelve': { args: z.object({ alarmId: AlarmId }), roles: OPERATORS },
  'alarm.note': { args: z.object({ alarmId: AlarmId, text: Note.min(1) }), roles: OPERATORS },
  'alarm.assign': { args: z.object({ alarmId: AlarmId, unit: z.string().trim().min(1).max(120) }), roles: OPERATORS },
  'alarm.resolve': { args: z.object({ alarmId: AlarmId, note: Note.optional() }), roles: OPERATORS },
  /** Out of service for maintenance: hidden until returned, whatever its condition does. */
  'alarm.removeFromService': { args: z.object({ alarmId: AlarmId, reason: Reason }), roles: ADMINS },
  'alarm.returnToService': { args: z.object({ alarmId: AlarmId }), roles: ADMINS },
  /** `baseVersion` 0 creates a new preset. */
  'preset.save': { args: z.object({ preset: PresetDraft, baseVersion: BaseVersion }), roles: ADMINS },
  'preset.delete': { args: z.object({ presetId: PresetId, baseVersion: BaseVersion }), roles: ADMINS },
  /** Restores the previous version's layouts as a new version. */
  'preset.undo': { args: z.object({ presetId: PresetId, baseVersion: BaseVersion }), roles: ADMINS },
  /** `baseVersion` 0 creates a new rule. */
  'rule.save': { args: z.object({ rule: RunnableRule, baseVersion: BaseVersion }), roles: ADMINS },
  'rule.delete': { args: z.object({ ruleId: RuleId, baseVersion: BaseVersion }), roles: ADMINS },
  /** Writes the version before the current one again as a new version. */
  'rule.undo': { args: z.object({ ruleId: RuleId, baseVersion: BaseVersion }), roles: ADMINS },
  /** Manual override: holds until `wall.revertToSchedule`. */
  'wall.activate': { args: z.object({ presetId: PresetId }), roles: OPERATORS },
  'wall.revertToSchedule': { args: z.object({}), roles: OPERATORS },
  /** Takes an alarm's response off the wall (choreography); the alarm itself is left as it is. */
  'wall.cancelResponse': { args: z.object({ alarmId: AlarmId }), roles: OPERATORS },
  /** Privacy mode for guests and press: personal data is scrubbed in the host before it reaches any window. */
  'wall.setPrivacy': { args: z.object({ on: z.boolean() }), roles: OPERATORS },
  'wall.setSchedule': {
    args: z.object({ entries: z.array(ScheduleEntry).max(100), fallbackPresetId: PresetId.nullable().optional() }),
    roles: ADMINS,
  },
  /** One event put on a data topic by a person (`ioc-wall hub publish`): scripts, one-off corrections. */
  'data.publish': { args: PublishArgs, roles: PUBLISHERS },
  /** Reads a connector's dead letter again (hub/connectors/): its events, or why it is still refused. */
  'connector.replay': {
    args: z.object({ connectorId: z.string().min(1).max(48), deadLetterId: z.number().int().positive() }),
    roles: ADMINS,
  },
  /** `baseVersion` 0 creates a new briefing. */
  'briefing.save': { args: z.object({ briefing: BriefingDraft, baseVersion: BaseVersion }), roles: LEADERS },
  'briefing.delete': { args: z.object({ briefingId: BriefingId, baseVersion: BaseVersion }), roles: LEADERS },
  /** Presents a briefing from its first scene, or from `sceneId`. */
  'briefing.start': { args: z.object({ briefingId: BriefingId, sceneId: SceneId.optional() }), roles: LEADERS },
  'briefing.next': { args: Step, roles: LEADERS },
  'briefing.previous': { args: Step, roles: LEADERS },
  'briefing.jump': { args: z.object({ sceneId: SceneId }), roles: LEADERS },
  /** The wall shows again what the presets and schedule say. */
  'briefing.end': { args: z.object({}), roles: LEADERS },
  'briefing.black': { args: z.object({ on: z.boolean() }), roles: LEADERS },
  /** null: no tile spotlighted. */
  'briefing.spotlight': { args: z.object({ spotlight: Spotlight.nullable() }), roles: LEADERS },
  /** Audit only: the wall was set as of a time (null: live) on a host; the host applied it already. */
  'wall.timeCursor': {
    args: z.object({
      asOf: z.number().int().nonnegative().nullable(),
      replaySpeed: z.number().int().positive().nullable(),
    }),
    roles: OPERATORS,
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
export const CommandName = z.enum(Object.keys(COMMANDS) as [CommandName, ...CommandName[]]);

/** A command's arguments as a sender writes them. */
export type CommandArgs<K extends CommandName> = z.input<(typeof COMMANDS)[K]['args']>;
/** A command's arguments as its handler receives them: parsed. */
export type ParsedCommandArgs<K extends CommandName> = z.output<(typeof COMMANDS)[K]['args']>;

/** The table seen name by name: a caller generic in the name keeps that name's argument types. */
const BY_NAME: { [K in CommandName]: { args: z.ZodType<ParsedCommandArgs<K>, CommandArgs<K>> } } = COMMANDS;

export function commandArgs<K extends CommandName>(name: K): z.ZodType<ParsedCommandArgs<K>, CommandArgs<K>> {
  return BY_NAME[name].args;
}

/**
 * Why a command was rejected, for the console to act on (the message is for people). conflict: based on a
 * version that is no longer current (for a briefing step: the wall is at another scene). not-found: no such
 * alert, preset, briefing or scene. invalid-state: already in the state
 * asked for. nothing-to-undo, history-lost: an undo with no earlier version, or one the hub no longer keeps.
 * limit: the hub already stores as much of it as it allows. forbidden: the issuer's roles do not allow it.
 */
export const CommandReason = z.enum([
  'conflict',
  'not-found',
  'invalid-state',
  'nothing-to-undo',
  'history-lost',
  'limit',
  'forbidden',
]);
export type CommandReason = z.infer<typeof CommandReason>;

/** What a command did. A rejection is a result too: repeating the key returns it again. */
export const CommandResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('applied'), message: z.string().max(400), appliedAt: z.number().int().nonnegative() }),
  z.object({
    status: z.literal('rejected'),
    reason: CommandReason,
    message: z.string().max(400),
    appliedAt: z.number().int().nonnegative(),
  }),
]);
export type CommandResult = z.infer<typeof CommandResult>;

/**
 * A result as stored (the hub's journal, a host's outbox), read leniently: a rejection stored before rejections
 * carried a reason has none, and is read as 'invalid-state' — the console shows its message and offers nothing
 * more (only 'conflict' leads to an action). Anything else that does not parse is an error: the row was damaged.
 */
export function readStoredCommandResult(text: string): CommandResult {
  const raw: unknown = JSON.parse(text);
  const legacy = typeof raw === 'object' && raw !== null && (raw as { status?: unknown }).status === 'rejected';
  return CommandResult.parse(legacy && !('reason' in raw) ? { ...raw, reason: 'invalid-state' } : raw);
}
