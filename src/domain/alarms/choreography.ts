// Alarm → wall: which rule responses are on the wall now. Pure; the hub's choreographer (hub/alarms/) runs it
// once for the whole wall whenever an alarm, the wall's override, a cancellation or a revert time changes, and
// publishes the result on `wall.responses`.
//
// A response starts when its alarm activates and leaves the wall `revertAfterS` (default 60) after the alarm is
// acknowledged or returns to normal, at once when the alarm is hidden (shelved, suppressed, out of service) or an
// operator cancels it. An operator's manual preset made after a response started wins over it until reverted to
// the schedule; a briefing holds the whole wall. Concurrent responses are ordered most urgent first, then oldest.
import type { WallOverride } from '../presets/preset-schema.js';
import { type Alarm, type AlarmPriority, isHidden } from './alarm-schema.js';
import type { AlarmResponse } from './alarm-rules.js';
import type { ActiveResponse, CancelledResponse } from './response-schema.js';

const DEFAULT_REVERT_AFTER_S = 60;

const PRIORITY_RANK: Readonly<Record<AlarmPriority, number>> = { emergency: 0, high: 1, medium: 2, low: 3 };

export interface ChoreographyInput {
  alarms: Iterable<Alarm>;
  responseOf: (ruleId: string) => AlarmResponse | undefined;
  /** The wall's manual override (wall.state), if any. */
  override: Pick<WallOverride, 'at'> | null;
  cancelled: readonly CancelledResponse[];
  briefingActive: boolean;
  now: number;
}

export interface Choreography {
  active: ActiveResponse[];
  /** Responses that would be on the wall were no briefing on. */
  heldByBriefing: boolean;
  /** The next instant the answer changes by itself (a revert): when to run again. */
  nextChangeAt: number | null;
  /** The cancellations still meaningful: their alarm is still in the activation cancelled. */
  cancelled: CancelledResponse[];
}

/** The instant the alarm stopped waiting for someone (acknowledged, cleared, hidden); null while it waits. */
function settledAt(alarm: Alarm): number | null {
  if (alarm.state === 'unack') return null;
  const { timeline } = alarm;
  let start = -1;
  for (let i = timeline.length - 1; i >= 0; i--) {
    if (timeline[i]!.event === 'condition-active') {
      start = i;
      break;
    }
  }
  for (let i = start + 1; i < timeline.length; i++) if (timeline[i]!.to !== 'unack') return timeline[i]!.at;
  // The timeline was cut short of the activation: the record's own time is the best there is.
  return alarm.updatedAt;
}

function revertAfterMs(response: AlarmResponse): number {
  return (response.revertAfterS ?? DEFAULT_REVERT_AFTER_S) * 1000;
}

function revertAt(alarm: Alarm, response: AlarmResponse): number | null {
  const settled = settledAt(alarm);
  if (settled === null) return null;
  return isHidden(alarm.state) ? settled : settled + revertAfterMs(response);
}

export function byUrgency(a: ActiveResponse, b: ActiveResponse): number {
  return (
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    a.activatedAt - b.activatedAt ||
    a.alarmId.localeCompare(b.alarmId)
  );
}

export function choreograph(input: ChoreographyInput): Choreography {
  const { override, now } = input;
  const candidates: ActiveResponse[] = [];
  const live = new Set<string>();
  let nextChangeAt: number | null = null;
  for (const alarm of input.alarms) {
    const response = alarm.activatedAt === null ? undefined : input.responseOf(alarm.ruleId);
    if (!response || alarm.activatedAt === null || alarm.state === 'normal') continue;
    const until = revertAt(alarm, response);
    if (until !== null && until <= now) continue;
    live.add(activation(alarm.id, alarm.activatedAt));
    // The operator's manual preset, made after this response began, wins over it until reverted.
    if (override && override.at >= alarm.activatedAt) continue;
    if (input.cancelled.some((c) => c.alarmId === alarm.id && c.activatedAt === alarm.activatedAt)) continue;
    if (until !== null && (nextChangeAt === null || until < nextChangeAt)) nextChangeAt = until;
    candidates.push({
      alarmId: alarm.id,
      ruleId: alarm.ruleId,
      priority: alarm.priority,
      title: alarm.title,
      province: alarm.area.province,
      activatedAt: alarm.activatedAt,
      response,
      revertAt: until,
    });
  }
  candidates.sort(byUrgency);
  const cancelled = input.cancelled.filter((c) => live.has(activation(c.alarmId, c.activatedAt)));
  if (input.briefingActive) return { active: [], heldByBriefing: candidates.length > 0, nextChangeAt, cancelled };
  return { active: candidates, heldByBriefing: false, nextChangeAt, cancelled };
}

const activation = (alarmId: string, activatedAt: number): string => `${alarmId}@${activatedAt}`;
