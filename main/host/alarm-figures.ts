// The alarm desk's figures, computed where the history is: the ISA-18.2 performance of the last 24 h and 7 days
// from the cache's ops.alerts history, and a rule's dry run over the last 24 h of the topic it watches.
import type { DryRunResponse, PerformanceResponse } from '../../src/contract/alarm-calls.js';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { KnownTopic, TOPICS } from '../../src/contract/topics.js';
import { type ActivationRecord, type ActiveAlarm, alarmPerformance } from '../../src/domain/alarms/alarm-metrics.js';
import type { AlarmRule } from '../../src/domain/alarms/alarm-rules.js';
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { dryRun } from '../../src/domain/alarms/rule-evaluator.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Bounds what one call reads from the cache: a week of a flood (100 000 activations) fits. */
const MAX_EVENTS = 500_000;

interface History {
  history(topic: string, key: string | undefined, since: number, limit: number): Envelope[];
  latest(): Envelope[];
}

function alarmOf(e: Envelope): Alarm | null {
  const parsed = TOPICS['ops.alerts'].payload.safeParse(e.payload);
  return parsed.success ? parsed.data : null;
}

/**
 * Each activation once: every transition of an alarm is a new event carrying the whole record, so an activation
 * is a new (alarm, activatedAt) pair.
 */
export function activationsOf(events: readonly Envelope[]): ActivationRecord[] {
  const seen = new Set<string>();
  const out: ActivationRecord[] = [];
  for (const e of events) {
    const alarm = alarmOf(e);
    if (!alarm || alarm.activatedAt === null) continue;
    const id = `${alarm.id}@${alarm.activatedAt}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ alarmId: alarm.id, at: alarm.activatedAt, priority: alarm.priority });
  }
  return out;
}

export function performanceFromCache(cache: History, now: number): PerformanceResponse {
  const activations = activationsOf(cache.history('ops.alerts', undefined, now - 7 * DAY - HOUR, MAX_EVENTS));
  const active: ActiveAlarm[] = [];
  for (const e of cache.latest()) {
    if (e.topic !== 'ops.alerts') continue;
    const alarm = alarmOf(e);
    if (alarm?.conditionActive && alarm.activatedAt !== null)
      active.push({ alarmId: alarm.id, activeSince: alarm.activatedAt });
  }
  return {
    day: alarmPerformance(activations, active, { from: now - DAY, to: now }),
    week: alarmPerformance(activations, active, { from: now - 7 * DAY, to: now }),
  };
}

/** How often `rule` would have fired on the last 24 h the cache holds of its topic. */
export function dryRunFromCache(cache: History, rule: AlarmRule, now: number): DryRunResponse {
  const topic = KnownTopic.safeParse(rule.watch.topic);
  if (!topic.success) throw new Error(`the rule watches "${rule.watch.topic}", a topic this host does not know`);
  const from = now - DAY;
  const exactKey = rule.watch.key.includes('*') ? undefined : rule.watch.key;
  const events = cache.history(topic.data, exactKey, from, MAX_EVENTS);
  const result = dryRun(
    rule,
    events.map((e) => ({ topic: e.topic, key: e.key, time: e.time, payload: e.payload })),
    { from, to: now },
  );
  return { fired: result.fired, events: events.length, from, to: now };
}
