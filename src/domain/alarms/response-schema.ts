// What the wall is doing in answer to alarms: the payload of `wall.responses` (one key, `wall`), written by the
// hub's choreographer and by `wall.cancelResponse`, read by every host (which applies it) and console (which lists
// it). Pure schemas; every record is parsed here before it touches state.
import { z } from 'zod';
import { AlarmId, AlarmPriority, RuleId } from './alarm-schema.js';
import { AlarmResponse } from './alarm-rules.js';
import { PROVINCE_CODES } from '../provinces.js';

const Instant = z.number().int().nonnegative();

/** One response on the wall now: its alarm's activation and what it does. */
export const ActiveResponse = z.object({
  alarmId: AlarmId,
  ruleId: RuleId,
  priority: AlarmPriority,
  title: z.string().min(1).max(400),
  province: z.enum(PROVINCE_CODES as [string, ...string[]]).nullable(),
  /** The activation it answers: a later activation of the same alarm is a new response. */
  activatedAt: Instant,
  response: AlarmResponse,
  /** When it leaves the wall (its alarm was acknowledged or returned to normal); null: not yet known. */
  revertAt: Instant.nullable(),
});
export type ActiveResponse = z.infer<typeof ActiveResponse>;

/** An operator took a response off the wall; it stays off for that activation of its alarm. */
export const CancelledResponse = z.object({
  alarmId: AlarmId,
  activatedAt: Instant,
  at: Instant,
  by: z.string().max(120),
});
export type CancelledResponse = z.infer<typeof CancelledResponse>;

/** Most cancellations kept; the oldest go first (they are pruned anyway once their activation ends). */
export const MAX_CANCELLED = 500;

export const WallResponsesPayload = z.object({
  /** Most urgent first, then oldest: the first show-preset naming a monitor is the one it shows. */
  active: z.array(ActiveResponse).max(1000),
  cancelled: z.array(CancelledResponse).max(MAX_CANCELLED),
  /** Why no response is on the wall although some would be: a briefing holds the wall. */
  heldByBriefing: z.boolean(),
  updatedAt: Instant,
  updatedBy: z.string().min(1).max(120),
});
export type WallResponsesPayload = z.infer<typeof WallResponsesPayload>;

export const WALL_RESPONSES_KEY = 'wall';
