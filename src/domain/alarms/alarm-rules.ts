// Alarm rules as data: what turns the values on the hub's topics into alarms. An admin edits them on the console;
// every field is checked here, with the field named in the error, before a rule is saved or evaluated.
import { z } from 'zod';
import { MonitorId } from '../../contract/wall.js';
import { PresetId } from '../presets/preset-schema.js';
import { AlarmArea, AlarmPriority, RuleId } from './alarm-schema.js';

const DAY_S = 86_400;

/** A topic by name (whether the hub knows it is checked where rules are saved: the topics live in the contract). */
const WatchedTopic = z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, 'topic: a dotted lower-case name');

/** A key, or a pattern where `*` stands for any run of characters: `01:disbursement`, `*:disbursement`, `*`. */
const KeyPattern = z.string().regex(/^[^\s]{1,128}$/, 'key pattern: 1–128 characters without spaces');

const PLACEHOLDERS = ['rule', 'topic', 'key', 'province'] as const;
/** The alarm's identity: one alarm per rendered key, e.g. `{rule}:{key}`. */
const DedupTemplate = z
  .string()
  .min(1)
  .max(200)
  .refine((t) => [...t.matchAll(/\{([^}]*)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1]!)), {
    message: `dedup key: placeholders are ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
  });

/** Where the number is in the event's payload, as a dotted path: `value`, `figures.total`. */
const Field = z
  .string()
  .regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/, 'field: a dotted path such as value or figures.total')
  .max(64)
  .default('value');

const Seconds = (max: number) => z.number().int().min(0).max(max);
const Finite = z.number().finite();

/**
 * Seconds a response stays on the wall once its alarm is acknowledged or returns to normal; absent: 60
 * (choreography.ts). Optional so rules saved before it existed parse unchanged.
 */
const RevertAfterS = { revertAfterS: Seconds(DAY_S).optional() };

/** What a response does on the wall; chosen by the hub's choreographer, carried out by the host. */
export const AlarmResponse = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('show-preset'),
    presetId: PresetId,
    monitors: z.array(MonitorId).min(1).max(64),
    ...RevertAfterS,
  }),
  z.strictObject({
    kind: z.literal('zoom-map'),
    ...RevertAfterS,
    /** The map tile to zoom to the alarm's province; absent: every map tile of the wall. */
    tileId: z.string().min(1).max(64).optional(),
  }),
  z.strictObject({
    kind: z.literal('camera'),
    /** The video tile that shows it; the camera is the one nearest the alarm unless named. */
    tileId: z.string().min(1).max(64),
    cameraId: z.string().min(1).max(128).optional(),
    ...RevertAfterS,
  }),
]);
export type AlarmResponse = z.infer<typeof AlarmResponse>;

const RuleBase = z.object({
  id: RuleId,
  /** Vietnamese; the alarm's title. */
  name: z.string().trim().min(1).max(200),
  priority: AlarmPriority,
  /** The rule's province and unit; a null province is taken from the event's payload when it names one. */
  area: AlarmArea,
  watch: z.object({ topic: WatchedTopic, key: KeyPattern }),
  dedupKey: DedupTemplate.default('{rule}:{key}'),
  /** Minutes an unacknowledged alarm waits before it escalates; absent: by priority; null: never. */
  escalationMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .nullable()
    .optional(),
  response: AlarmResponse.optional(),
});

/**
 * Shared by the kinds that watch a number: the condition rises when the measure passes the limit, and clears when
 * it is back by `deadband` (so a value wobbling on the limit does not chatter). It must hold for `onDelayS` before
 * the alarm rises and be gone for `offDelayS` before it clears.
 */
const Level = {
  field: Field,
  deadband: z.number().finite().min(0).default(0),
  onDelayS: Seconds(DAY_S).default(0),
  offDelayS: Seconds(DAY_S).default(0),
};

const ThresholdRule = RuleBase.extend({
  kind: z.literal('threshold'),
  direction: z.enum(['above', 'below']),
  limit: Finite,
  ...Level,
});

/** The change between the oldest value within the window and the newest. */
const RateRule = RuleBase.extend({
  kind: z.literal('rate'),
  windowS: Seconds(7 * DAY_S).min(1),
  change: Finite.positive(),
  direction: z.enum(['rise', 'fall', 'either']),
  ...Level,
});

/** The plan of a year as the target reached by the end of each month listed (a later month keeps the last one). */
const PlanPoint = z.object({ month: z.number().int().min(1).max(12), target: Finite });
const PlanRule = RuleBase.extend({
  kind: z.literal('plan-deviation'),
  plan: z
    .array(PlanPoint)
    .min(1)
    .max(12)
    .refine((p) => p.every((x, i) => i === 0 || x.month > p[i - 1]!.month), {
      message: 'plan: months in order, once each',
    }),
  /** How far from the month's target is too far, in the value's unit (percentage points for a % indicator). */
  tolerance: Finite.positive(),
  direction: z.enum(['behind', 'ahead', 'either']),
  ...Level,
});

const StaleRule = RuleBase.extend({
  kind: z.literal('stale'),
  maxAgeS: Seconds(30 * DAY_S).min(1),
  /** any-key: the watched keys together fall silent; each-key: one alarm per key that falls silent. */
  scope: z.enum(['any-key', 'each-key']).default('any-key'),
});

/** A Government task (payload of gov.tasks) not done: past its due date, or due within N days (0: due today). */
const TaskDueRule = RuleBase.extend({
  kind: z.literal('task-due'),
  /** null: only once overdue (the day after the due date). */
  dueWithinDays: z.number().int().min(0).max(365).nullable(),
});

export const AlarmRule = z.discriminatedUnion('kind', [ThresholdRule, RateRule, PlanRule, StaleRule, TaskDueRule]);
export type AlarmRule = z.infer<typeof AlarmRule>;

export const AlarmRuleSet = z
  .array(AlarmRule)
  .max(10_000)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `rule id ${r.id} is used twice` });
      seen.add(r.id);
    });
  });

/** Minutes before an unacknowledged alarm escalates when the rule does not say; low-priority alarms do not. */
const DEFAULT_ESCALATION_MINUTES: Readonly<Record<AlarmPriority, number | null>> = {
  emergency: 5,
  high: 15,
  medium: 60,
  low: null,
};

export function escalationMinutes(rule: AlarmRule): number | null {
  return rule.escalationMinutes === undefined ? DEFAULT_ESCALATION_MINUTES[rule.priority] : rule.escalationMinutes;
}
