// Every topic the product knows, each defined once: its payload schema, how often fresh data should arrive, how
// long the hub keeps its history at least, and its label. The hub refuses events of a topic not defined here, and
// everything else about a topic (KnownTopic, the stale warning, retention, the console's names) is read from here.
import { z } from 'zod';
import { PROVINCE_CODES } from '../domain/provinces.js';
import { Alarm } from '../domain/alarms/alarm-schema.js';
import { WallResponsesPayload } from '../domain/alarms/response-schema.js';
import { BriefingPayload, BriefingStatePayload } from '../domain/briefing/briefing-schema.js';
import { RulePayload } from '../domain/alarms/rule-versions.js';
import { PresetPayload, WallStatePayload } from '../domain/presets/preset-schema.js';
import { WarningPayload } from '../domain/warnings/warning-schema.js';
import type { MessageKey } from '../i18n/messages.js';

export const ProvinceCode = z.enum(PROVINCE_CODES as [string, ...string[]]);

export const IndicatorId = z.enum(['gdp_growth', 'cpi', 'fdi', 'disbursement', 'new_businesses']);
export type IndicatorId = z.infer<typeof IndicatorId>;

/** A socio-economic indicator of one province for one reporting period. */
export const IndicatorPayload = z.object({
  province: ProvinceCode,
  indicator: IndicatorId,
  value: z.number().finite(),
  /** Period the figure covers: a month (2026-10), a quarter (2026-Q3), a half year (2026-H1) or a year (2026-Y). */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|H[12]|Y)$/),
  status: z.enum(['preliminary', 'official']),
  sourceSystem: z.string().min(1).max(120),
});
export type IndicatorPayload = z.infer<typeof IndicatorPayload>;

/** A live national counter (e.g. business registrations today from the national portal). */
export const LiveCounterPayload = z.object({
  metric: z.enum(['new_businesses_today', 'public_services_today', 'documents_processed_today']),
  value: z.number().int().nonnegative(),
  sourceSystem: z.string().min(1).max(120),
});
export type LiveCounterPayload = z.infer<typeof LiveCounterPayload>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be yyyy-MM-dd');

/** A task assigned by the Government or the Prime Minister to a ministry or province. */
export const TaskPayload = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(400),
  assignedBy: z.enum(['government', 'prime_minister']),
  unit: z.string().min(1).max(120),
  dueDate: IsoDate,
  status: z.enum(['in_progress', 'done_on_time', 'done_late', 'overdue']),
  completedOn: IsoDate.optional(),
});
export type TaskPayload = z.infer<typeof TaskPayload>;

export interface TopicDefinition {
  /** Schema of each event's payload: the hub refuses an event that does not match it. */
  readonly payload: z.ZodType;
  /** Seconds between updates in normal operation: a tile whose data is older shows its age as a warning. */
  readonly expectedPeriodS: number;
  /** History the hub keeps whatever its configured retention (the latest event of every key is always kept). */
  readonly minRetentionMs?: number;
  /** The topic's name on the console and the connection tile. */
  readonly labelKey: MessageKey;
  /** Payload fields that name or describe a person: privacy mode drops them before anything reaches a window. */
  readonly personalFields?: readonly string[];
}

const DAY_MS = 86_400_000;
/** Changed by operators, perhaps not for weeks: never shown as stale. */
const NEVER_STALE_S = (365 * DAY_MS) / 1000;

/** Each topic's key is the identity of the thing described: its latest event is that thing's current value. */
export const TOPICS = {
  /** One province's indicator for one period; key `<province>:<indicator>`. */
  'econ.indicators': { payload: IndicatorPayload, expectedPeriodS: 30, labelKey: 'topic.econIndicators' },
  /** A live national counter; key: the metric. */
  'econ.live': { payload: LiveCounterPayload, expectedPeriodS: 5, labelKey: 'topic.econLive' },
  /** A Government-assigned task; key: the task's id. */
  // A task is assigned, reported on or completed a few times an hour, not every minute.
  'gov.tasks': { payload: TaskPayload, expectedPeriodS: 900, labelKey: 'topic.govTasks' },
  /** An alarm through its ISA-18.2 lifecycle (src/domain/alarms/); key: the alarm's id. Every transition, whoever
   * made it, is a new event of its key carrying the whole record. */
  'ops.alerts': { payload: Alarm, expectedPeriodS: 60, labelKey: 'topic.opsAlerts' },
  /** A CAP warning (weather, disaster) as it now stands, with its areas; key: its first message's identifier.
   * Warnings come when there is weather, not on a schedule: never shown as stale. */
  'ops.warnings': { payload: WarningPayload, expectedPeriodS: NEVER_STALE_S, labelKey: 'topic.opsWarnings' },
  /** The hub's alarm rules (src/domain/alarms/alarm-rules.ts), versioned; key: the rule's id. Kept a year, as
   * presets are, so undo can read it. */
  'alarm.rules': {
    payload: RulePayload,
    expectedPeriodS: NEVER_STALE_S,
    minRetentionMs: 365 * DAY_MS,
    labelKey: 'topic.alarmRules',
  },
  /** Shared layout presets, one key per preset id (latest event = current version). Its history is what undo
   * reads, and it is tiny: a year of it is kept whatever the feed's retention. */
  'wall.presets': {
    payload: PresetPayload,
    expectedPeriodS: NEVER_STALE_S,
    minRetentionMs: 365 * DAY_MS,
    labelKey: 'topic.wallPresets',
  },
  /** The wall's schedule and manual override, one key: `wall`. */
  'wall.state': { payload: WallStatePayload, expectedPeriodS: NEVER_STALE_S, labelKey: 'topic.wallState' },
  /** The wall's answers to alarms now (src/domain/alarms/choreography.ts), one key: `wall`. */
  'wall.responses': { payload: WallResponsesPayload, expectedPeriodS: NEVER_STALE_S, labelKey: 'alarmWall.topic' },
  /** Briefings, one key per briefing id (latest event = current version), kept a year like presets. */
  'briefing.briefings': {
    payload: BriefingPayload,
    expectedPeriodS: NEVER_STALE_S,
    minRetentionMs: 365 * DAY_MS,
    labelKey: 'briefing.topicBriefings',
  },
  /** What the wall presents (briefing, scene, black, spotlight), one key: `wall`. */
  'briefing.state': { payload: BriefingStatePayload, expectedPeriodS: NEVER_STALE_S, labelKey: 'briefing.topicState' },
} as const satisfies Record<string, TopicDefinition>;

export type KnownTopic = keyof typeof TOPICS;
export const KNOWN_TOPICS = Object.keys(TOPICS) as KnownTopic[];
export const KnownTopic = z.enum(KNOWN_TOPICS as [KnownTopic, ...KnownTopic[]]);

export { RulePayload };

/** The payload type of a topic's events. */
export type TopicPayload<T extends KnownTopic> = z.infer<(typeof TOPICS)[T]['payload']>;

/** The label of a topic named in a status report (which may come from a newer hub); undefined when unknown. */
export function topicLabelKey(name: string): MessageKey | undefined {
  const topic = KnownTopic.safeParse(name);
  return topic.success ? TOPICS[topic.data].labelKey : undefined;
}
