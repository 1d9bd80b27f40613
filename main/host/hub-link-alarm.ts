// The host's own alarm for its link to the hub: a stale-feed rule run here, on the host, because the hub's rules
// cannot see that a host no longer hears it. While the feed is connected the link is heard every second; when it
// has been silent longer than the rule allows, the alarm rises on this host's console and wall (through the
// bridge), offline as it is, and clears when the link is back. Acknowledging it is for the hub's alarms only.
// With several hubs (`--hub URL1,URL2`) the feed is connected while the host is on any of them and moves on at once
// when one goes, so the alarm rises only when no hub has been reachable for the whole time allowed.
import type { FeedState } from '../../src/contract/host-status.js';
import { apply, newAlarm } from '../../src/domain/alarms/alarm-lifecycle.js';
import { AlarmRule } from '../../src/domain/alarms/alarm-rules.js';
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { type EvaluatorState, createEvaluator, evaluate, tick } from '../../src/domain/alarms/rule-evaluator.js';

const RULE_ID = 'host-hub-link';
const TOPIC = 'host.hub';
const BY = { kind: 'system', source: `host:${RULE_ID}` } as const;

export interface HubLinkAlarmOptions {
  /** Seconds without the hub before the alarm rises. */
  maxAgeS: number;
  clock: () => number;
  /** The host's alarms changed: those active now. */
  onChange(active: Alarm[]): void;
}

export class HubLinkAlarm {
  private state: EvaluatorState;
  private alarm: Alarm;

  constructor(private readonly options: HubLinkAlarmOptions) {
    const rule = AlarmRule.parse({
      id: RULE_ID,
      kind: 'stale',
      name: 'Mất kết nối tới máy chủ trung tâm',
      priority: 'high',
      area: { province: null, unit: null },
      watch: { topic: TOPIC, key: 'link' },
      dedupKey: '{rule}',
      maxAgeS: options.maxAgeS,
      escalationMinutes: null,
    });
    const now = options.clock();
    this.state = createEvaluator([rule], now);
    this.alarm = newAlarm(
      { id: RULE_ID, ruleId: RULE_ID, dedupKey: RULE_ID, priority: rule.priority, title: rule.name, area: rule.area },
      now,
    );
  }

  /** The feed's state, each second and at every change. */
  observe(feed: FeedState): void {
    const now = this.options.clock();
    const heard = { topic: TOPIC, key: 'link', time: now, payload: {} };
    const result = feed === 'connected' ? evaluate(this.state, heard) : tick(this.state, now);
    this.state = result.state;
    const before = this.alarm;
    for (const a of result.activations) this.step({ kind: 'condition-active', by: BY, value: a.value }, now);
    for (const c of result.clears) this.step({ kind: 'condition-clear', by: BY, value: c.value }, now);
    if (this.alarm !== before) this.options.onChange(this.active());
  }

  active(): Alarm[] {
    return this.alarm.conditionActive ? [this.alarm] : [];
  }

  private step(event: Parameters<typeof apply>[1], now: number): void {
    const next = apply(this.alarm, event, now);
    if (next.ok) this.alarm = next.alarm;
  }
}
