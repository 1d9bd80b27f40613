// The hub's alarm engine: runs the rules of the `alarm.rules` topic over every event the hub appends and keeps
// the alarms of `ops.alerts` in step — a rising condition activates the alarm of its dedup key, a clearing one
// returns it, with the pure state machine (src/domain/alarms/alarm-lifecycle.ts) in the name of the rule. Each
// second it lets time pass: silences, delays and due dates fire, shelving expires, and an alarm nobody
// acknowledges escalates. Each rule runs in its own evaluator, so saving one rule leaves the others' state alone.
import { createHash } from 'node:crypto';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { apply, newAlarm } from '../../src/domain/alarms/alarm-lifecycle.js';
import { type AlarmResponse, type AlarmRule, escalationMinutes } from '../../src/domain/alarms/alarm-rules.js';
import { Alarm, AlarmId, type SystemActor } from '../../src/domain/alarms/alarm-schema.js';
import type { AlarmEvent } from '../../src/domain/alarms/alarm-events.js';
import {
  type Activation,
  type Clear,
  type Evaluation,
  type EvaluatorState,
  createEvaluator,
  evaluate,
  tick,
} from '../../src/domain/alarms/rule-evaluator.js';
import { RulePayload } from '../../src/domain/alarms/rule-versions.js';
import type { Logger } from '../../platform/logger.js';
import type { Clock } from '../clock.js';
import type { EventLog, NewEvent } from '../event-log.js';

/** Each further period unanswered moves the alarm one link along the chain, up to its end. */
const ESCALATION_CHAIN = 3;
const TICK_MS = 1000;
const SOURCE = 'alarm-engine';
const TIMER: SystemActor = { kind: 'system', source: 'alarm-engine:timer' };

interface RunningRule {
  readonly rule: AlarmRule;
  readonly version: number;
  state: EvaluatorState;
}

export type AlarmListener = (alarm: Alarm) => void;

export interface AlarmEngineOptions {
  log: EventLog;
  /** Appends the engine's records as the hub appends any event (they come back through `observe`). */
  publish(events: readonly NewEvent[]): void;
  clock: Clock;
  logger: Logger;
}

/** The alarm of a dedup key: the key itself when it is a valid id, otherwise a readable part and a hash. */
export function alarmIdOf(dedupKey: string): string {
  if (AlarmId.safeParse(dedupKey).success) return dedupKey;
  const readable = dedupKey.replace(/[^A-Za-z0-9:._-]/g, '_').slice(0, 100);
  return `${readable}-${createHash('sha256').update(dedupKey).digest('hex').slice(0, 16)}`;
}

/** Since when the alarm has waited for someone: the start of its latest unbroken run of unacknowledged states. */
function unansweredSince(alarm: Alarm): number {
  let since = alarm.activatedAt ?? alarm.updatedAt;
  for (let i = alarm.timeline.length - 1; i >= 0; i--) {
    const t = alarm.timeline[i]!;
    if (t.to !== 'unack' && t.to !== 'rtnun') break;
    if (t.from !== 'unack' && t.from !== 'rtnun') return t.at;
    since = t.at;
  }
  return since;
}

export class AlarmEngine {
  private readonly rules = new Map<string, RunningRule>();
  /** Every alarm not back to normal: what the timers look at each second. */
  private readonly open = new Map<string, Alarm>();
  private readonly listeners = new Set<AlarmListener>();
  private readonly queue: Envelope[] = [];
  private draining = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AlarmEngineOptions) {}

  /** Loads the alarms and rules the log holds and starts the second's tick. */
  start(): void {
    for (const e of this.options.log.snapshot('ops.alerts')) this.remember(e.payload);
    for (const e of this.options.log.snapshot('alarm.rules')) this.reload(e.key);
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The response of a rule that runs, for the wall's choreography. */
  responseOf(ruleId: string): AlarmResponse | undefined {
    return this.rules.get(ruleId)?.rule.response;
  }

  /** Told of every new record of an alarm, whoever made it; returns the way to stop listening. */
  onAlarm(listener: AlarmListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events just appended to the log, in order. The engine's own records come back here too, and are queued. */
  observe(events: readonly Envelope[]): void {
    this.queue.push(...events);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let e = this.queue.shift(); e; e = this.queue.shift()) this.take(e);
    } finally {
      this.draining = false;
    }
  }

  /** Lets time pass to the engine's clock: shelving expires, alarms escalate, timers of the rules fire. */
  tick(): void {
    const now = this.options.clock();
    try {
      for (const alarm of [...this.open.values()]) {
        const hold = alarm.hold;
        if (hold?.kind === 'shelved' && hold.until <= now) this.change(alarm, { kind: 'shelve-expired', by: TIMER });
        else this.escalate(alarm, now);
      }
      for (const running of this.rules.values()) this.act(tick(running.state, now));
    } catch (error) {
      this.options.logger.error('alarm tick failed', { error: String(error) });
    }
  }

  private take(e: Envelope): void {
    try {
      if (e.topic === 'alarm.rules') return this.reload(e.key);
      if (e.topic === 'ops.alerts') {
        const alarm = this.remember(e.payload);
        if (!alarm) return;
        for (const listener of this.listeners) listener(alarm);
        // An alarm raised by a rule that watches alarms is never evaluated again: no alarm of an alarm of …
        if (this.rules.get(alarm.ruleId)?.rule.watch.topic === 'ops.alerts') return;
      }
      for (const running of this.rules.values()) {
        if (running.rule.watch.topic !== e.topic) continue;
        running.state = this.act(evaluate(running.state, e)).state;
      }
    } catch (error) {
      this.options.logger.error('alarm evaluation failed', { topic: e.topic, key: e.key, error: String(error) });
    }
  }

  private remember(payload: unknown): Alarm | undefined {
    const parsed = Alarm.safeParse(payload);
    if (!parsed.success) return undefined;
    const alarm = parsed.data;
    if (alarm.state === 'normal') this.open.delete(alarm.id);
    else this.open.set(alarm.id, alarm);
    return alarm;
  }

  /**
   * Runs the rule's current version from scratch: it is shown the latest event of every key it watches, and the
   * alarms it holds are made to agree with what it then finds (a deleted rule's alarms return to normal).
   */
  private reload(ruleId: string): void {
    const stored = this.options.log.latestOf('alarm.rules', ruleId);
    const parsed = stored ? RulePayload.safeParse(stored.payload) : undefined;
    const payload = parsed?.success && !parsed.data.deleted ? parsed.data : undefined;
    if (payload && this.rules.get(ruleId)?.version === payload.version) return;
    this.rules.delete(ruleId);
    const now = this.options.clock();
    let state: EvaluatorState | null = null;
    if (payload) {
      state = createEvaluator([payload.rule], now);
      for (const e of this.options.log.snapshot(payload.rule.watch.topic)) state = evaluate(state, e).state;
      state = tick(state, now).state;
      this.rules.set(ruleId, { rule: payload.rule, version: payload.version, state });
    }
    this.reconcile(ruleId, state);
  }

  private reconcile(ruleId: string, state: EvaluatorState | null): void {
    const held = new Map<string, boolean>();
    for (const inst of state?.instances[0]?.values() ?? []) {
      held.set(alarmIdOf(inst.dedupKey), inst.active || inst.pendingSince !== null);
      if (!inst.active) continue;
      const { rule } = inst.compiled;
      this.raise({
        ruleId,
        dedupKey: inst.dedupKey,
        topic: inst.topic,
        key: inst.key,
        time: this.options.clock(),
        value: inst.value,
        threshold: inst.threshold,
        priority: rule.priority,
        title: inst.title,
        area: inst.area,
      });
    }
    for (const alarm of [...this.open.values()]) {
      if (alarm.ruleId === ruleId && alarm.conditionActive && !held.get(alarm.id)) {
        this.change(alarm, { kind: 'condition-clear', by: this.actor(ruleId) });
      }
    }
  }

  private act(evaluation: Evaluation): Evaluation {
    for (const a of evaluation.activations) this.raise(a);
    for (const c of evaluation.clears) this.clear(c);
    return evaluation;
  }

  private actor(ruleId: string): SystemActor {
    return { kind: 'system', source: `rule:${ruleId}` };
  }

  private stored(id: string): Alarm | undefined {
    return this.options.log.latestPayload('ops.alerts', id, Alarm);
  }

  private raise(a: Activation): void {
    const id = alarmIdOf(a.dedupKey);
    const now = this.options.clock();
    const { ruleId, dedupKey, priority, title, area } = a;
    const alarm = { ...(this.stored(id) ?? newAlarm({ id, ruleId, dedupKey, priority, title, area }, now)) };
    // The rule's current priority, name and area are the alarm's from its next activation on.
    Object.assign(alarm, { ruleId, priority, title, area });
    const by = this.actor(ruleId);
    this.change(alarm, { kind: 'condition-active', by, value: a.value, threshold: a.threshold });
  }

  private clear(c: Clear): void {
    const alarm = this.stored(alarmIdOf(c.dedupKey));
    if (alarm) this.change(alarm, { kind: 'condition-clear', by: this.actor(c.ruleId), value: c.value });
  }

  /** Applies a system event; one the state machine refuses (e.g. already active) changes nothing. */
  private change(alarm: Alarm, event: AlarmEvent): void {
    const next = apply(alarm, event, this.options.clock());
    if (next.ok) this.write(next.alarm);
  }

  private escalate(alarm: Alarm, now: number): void {
    if (alarm.state !== 'unack' && alarm.state !== 'rtnun') return;
    const rule = this.rules.get(alarm.ruleId)?.rule;
    const minutes = rule ? escalationMinutes(rule) : null;
    if (minutes === null) return;
    const periods = Math.floor((now - unansweredSince(alarm)) / (minutes * 60_000));
    const level = Math.min(ESCALATION_CHAIN, periods);
    if (level <= (alarm.escalation?.level ?? 0)) return;
    this.write({ ...alarm, escalation: { level, at: now }, updatedAt: Math.max(now, alarm.updatedAt) });
  }

  private write(alarm: Alarm): void {
    this.open.set(alarm.id, alarm); // until it comes back through observe, the timers see the new record
    const time = Math.max(this.options.clock(), alarm.updatedAt);
    this.options.publish([{ topic: 'ops.alerts', key: alarm.id, source: SOURCE, time, payload: alarm }]);
  }
}
