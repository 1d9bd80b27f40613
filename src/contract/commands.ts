// The operator commands: one table of each command's arguments and of the roles allowed to run it. Everything
// else about commands derives from it — the names the hub accepts, the arguments each handler receives, what the
// console may send — so a command added here is refused by the compiler until the hub has a handler for it.
import { z } from 'zod';
import { AlarmRule } from '../domain/alarms/alarm-rules.js';
import { AlarmId, RuleId } from '../domain/alarms/alarm-schema.js';
import { type Role } from '../domain/identity/roles.js';
import { PresetDraft, PresetId, ScheduleEntry } from '../domain/presets/preset-schema.js';

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
  /** Alarm rules, versioned like presets: `baseVersion` 0 creates a new rule. */
  'rule.save': { args: z.object({ rule: AlarmRule, baseVersion: BaseVersion }), roles: ADMINS },
  'rule.delete': { args: z.object({ ruleId: RuleId, baseVersion: BaseVersion }), roles: ADMINS },
  'rule.undo': { args: z.object({ ruleId: RuleId, baseVersion: BaseVersion }), roles: ADMINS },
  /** `baseVersion` 0 creates a new preset. */
  'preset.save': { args: z.object({ preset: PresetDraft, baseVersion: BaseVersion }), roles: ADMINS },
  'preset.delete': { args: z.object({ presetId: PresetId, baseVersion: BaseVersion }), roles: ADMINS },
  /** Restores the previous version's layouts as a new version. */
  'preset.undo': { args: z.object({ presetId: PresetId, baseVersion: BaseVersion }), roles: ADMINS },
  /** Manual override: holds until `wall.revertToSchedule`. */
  'wall.activate': { args: z.object({ presetId: PresetId }), roles: OPERATORS },
  'wall.revertToSchedule': { args: z.object({}), roles: OPERATORS },
  'wall.setSchedule': {
    args: z.object({ entries: z.array(ScheduleEntry).max(100), fallbackPresetId: PresetId.nullable().optional() }),
    roles: ADMINS,
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
 * version that is no longer current. not-found: no such alert or preset. invalid-state: already in the state
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
