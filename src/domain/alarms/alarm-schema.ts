// An alarm as it travels on the alerts topic: one record per dedup key that lives through the ISA-18.2 states,
// with who did what and when. Pure schemas: the hub writes these records, hosts and consoles read them, and
// every record that arrives is parsed here, invariants included, before it touches state.
import { z } from 'zod';
import { PROVINCE_CODES } from '../provinces.js';

/**
 * Most urgent first. The room names them Khẩn cấp (emergency), Nghiêm trọng (high), Cảnh báo (medium) and
 * Thông tin (low); ISA-18.2 expects about 80 % low, 15 % medium, 5 % high and under 1 % of the highest.
 */
export const AlarmPriority = z.enum(['emergency', 'high', 'medium', 'low']);
export type AlarmPriority = z.infer<typeof AlarmPriority>;
export const ALARM_PRIORITIES = AlarmPriority.options;

/**
 * ISA-18.2 / IEC 62682 states. unack: active, unacknowledged; acked: active, acknowledged; rtnun: returned to
 * normal, not yet acknowledged. shelved (by an operator, always timed), suppressed (by design, e.g. a province's
 * feed under maintenance) and out-of-service (by a person, for maintenance) hide the alarm from the list without
 * losing it: the condition is still followed underneath.
 */
export const AlarmState = z.enum(['normal', 'unack', 'acked', 'rtnun', 'shelved', 'suppressed', 'out-of-service']);
export type AlarmState = z.infer<typeof AlarmState>;
export const ALARM_STATES = AlarmState.options;

/** What can happen to an alarm (the events of alarm-events.ts name these). */
export const AlarmEventKind = z.enum([
  'condition-active',
  'condition-clear',
  'acknowledge',
  'shelve',
  'unshelve',
  'shelve-expired',
  'suppress',
  'unsuppress',
  'remove-from-service',
  'return-to-service',
  'resolve',
  'note',
  'assign',
]);
export type AlarmEventKind = z.infer<typeof AlarmEventKind>;

export const RuleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'rule id: lower-case letters, digits, ., _ or -, at most 64');
export type RuleId = z.infer<typeof RuleId>;

const Text = (max: number) => z.string().trim().min(1).max(max);
const Instant = z.number().int().nonnegative();

/** A person's action is theirs and their device's; the rule engine and timers act as a named system. */
export const PersonActor = z.object({ kind: z.literal('person'), person: Text(120), device: Text(120) });
export type PersonActor = z.infer<typeof PersonActor>;
export const SystemActor = z.object({ kind: z.literal('system'), source: Text(120) });
export type SystemActor = z.infer<typeof SystemActor>;
export const Actor = z.discriminatedUnion('kind', [PersonActor, SystemActor]);
export type Actor = z.infer<typeof Actor>;

/** Where an alarm belongs: a province (null: national) and the unit responsible. */
export const AlarmArea = z.object({
  province: z.enum(PROVINCE_CODES as [string, ...string[]]).nullable(),
  unit: Text(120).nullable(),
});
export type AlarmArea = z.infer<typeof AlarmArea>;

export const Transition = z.object({
  at: Instant,
  event: AlarmEventKind,
  from: AlarmState,
  to: AlarmState,
  by: Actor,
  /** The note, the reason of a shelve or suppression, the unit assigned. */
  detail: z.string().max(1000).optional(),
  /** The value that activated or cleared the condition. */
  value: z.number().finite().optional(),
});
export type Transition = z.infer<typeof Transition>;

const AlarmNote = z.object({ at: Instant, by: PersonActor, text: Text(1000) });

/** Why the alarm is hidden; present exactly when the state is one of these three. */
export const AlarmHold = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('shelved'),
    /** Shelving always ends: at this instant at the latest. */
    until: Instant,
    /** One-shot: also ends when the condition clears. */
    oneShot: z.boolean(),
    reason: Text(400),
    since: Instant,
    by: PersonActor,
  }),
  z.object({ kind: z.literal('suppressed'), reason: Text(400), since: Instant, by: Actor }),
  z.object({ kind: z.literal('out-of-service'), reason: Text(400), since: Instant, by: PersonActor }),
]);
export type AlarmHold = z.infer<typeof AlarmHold>;

/** Bounds that keep a record small on the wire however long the alarm lives; older entries are dropped. */
export const MAX_TIMELINE = 200;
export const MAX_NOTES = 100;

export const AlarmId = z
  .string()
  .regex(/^[A-Za-z0-9:._-]{1,128}$/, 'alarm id: letters, digits, :, ., _ or -, at most 128');

const AlarmFields = z.object({
  id: AlarmId,
  ruleId: RuleId,
  dedupKey: Text(256),
  priority: AlarmPriority,
  /** Vietnamese, as the wall shows it. */
  title: Text(400),
  area: AlarmArea,
  /** The value and the limit it crossed at the latest activation (null: the rule has none, e.g. a stale feed). */
  value: z.number().finite().nullable(),
  threshold: z.number().finite().nullable(),
  activatedAt: Instant.nullable(),
  state: AlarmState,
  /** The rule's condition, followed in every state (a shelved alarm can clear and come back underneath). */
  conditionActive: z.boolean(),
  hold: AlarmHold.nullable(),
  assignedUnit: Text(120).nullable(),
  notes: z.array(AlarmNote).max(MAX_NOTES),
  timeline: z.array(Transition).max(MAX_TIMELINE),
  /** Transitions dropped from the start of the timeline to keep it bounded. */
  timelineDropped: z.number().int().nonnegative(),
  activationCount: z.number().int().nonnegative(),
  /**
   * Set by the hub when the alarm stayed unacknowledged past its rule's escalation time: level 1 reaches the
   * leaders' consoles and the wall's banner, each further level the next link of the chain. Cleared when a person
   * acknowledges or the alarm returns to normal.
   */
  escalation: z
    .object({ level: z.number().int().min(1).max(10), at: Instant })
    .nullable()
    .default(null),
  updatedAt: Instant,
});

export const Alarm = AlarmFields.superRefine((alarm, ctx) => {
  for (const message of alarmInvariantBreaks(alarm)) ctx.addIssue({ code: 'custom', message });
});
export type Alarm = z.infer<typeof AlarmFields>;

const HIDDEN_STATES: readonly AlarmState[] = ['shelved', 'suppressed', 'out-of-service'];

export function isHidden(state: AlarmState): state is 'shelved' | 'suppressed' | 'out-of-service' {
  return HIDDEN_STATES.includes(state);
}

/** What must hold in every record: the state agrees with the condition, and a hold is there exactly when hidden. */
function alarmInvariantBreaks(alarm: Alarm): string[] {
  const breaks: string[] = [];
  const { state, conditionActive, hold } = alarm;
  if ((state === 'unack' || state === 'acked') && !conditionActive) breaks.push(`${state} needs an active condition`);
  if ((state === 'normal' || state === 'rtnun') && conditionActive) breaks.push(`${state} needs a clear condition`);
  if (isHidden(state) !== (hold !== null) || (hold !== null && hold.kind !== state)) {
    breaks.push(`state ${state} does not match hold ${hold?.kind ?? 'none'}`);
  }
  if (hold?.kind === 'shelved' && hold.until <= hold.since) breaks.push('shelving must end after it starts');
  return breaks;
}
