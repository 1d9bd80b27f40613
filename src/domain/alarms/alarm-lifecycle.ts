// The ISA-18.2 / IEC 62682 alarm lifecycle as a pure state machine. `apply` takes an alarm, one event and the
// time, and either returns the next alarm with the transition it made (who, when, from, to) or refuses and says
// why, changing nothing. Holds nest by strength: out of service > suppressed by design > shelved > shown; a
// stronger hold replaces a weaker one, never the reverse. When a hold ends the alarm is evaluated afresh: active
// again if its condition is (re-announced as unacknowledged), otherwise normal. An alarm reaches normal only when
// its condition has cleared or a person resolves it, and a shelve always carries the instant it ends.
import type { AlarmEvent } from './alarm-events.js';
import {
  type Alarm,
  type AlarmArea,
  type AlarmHold,
  type AlarmPriority,
  type AlarmState,
  type Transition,
  MAX_NOTES,
  MAX_TIMELINE,
  isHidden,
} from './alarm-schema.js';

/** Longest shelve allowed per priority, in ms: the more urgent the alarm, the shorter the blind spot. */
export type ShelvePolicy = Readonly<Record<AlarmPriority, number>>;
const HOUR = 3_600_000;
export const DEFAULT_SHELVE_POLICY: ShelvePolicy = {
  emergency: 2 * HOUR,
  high: 8 * HOUR,
  medium: 24 * HOUR,
  low: 24 * HOUR,
};

export type ApplyResult = { ok: true; alarm: Alarm; transition: Transition } | { ok: false; reason: string };

export interface NewAlarm {
  id: string;
  ruleId: string;
  dedupKey: string;
  priority: AlarmPriority;
  title: string;
  area: AlarmArea;
}

/** An alarm that has never fired: normal, nothing on its timeline. */
export function newAlarm(init: NewAlarm, now: number): Alarm {
  return {
    ...init,
    value: null,
    threshold: null,
    activatedAt: null,
    state: 'normal',
    conditionActive: false,
    hold: null,
    assignedUnit: null,
    notes: [],
    timeline: [],
    timelineDropped: 0,
    activationCount: 0,
    escalation: null,
    updatedAt: now,
  };
}

/** The instant by which a `shelve-expired` must be applied; null when the alarm is not shelved. */
export function shelveDeadline(alarm: Alarm): number | null {
  return alarm.hold?.kind === 'shelved' ? alarm.hold.until : null;
}

const HOLD_RANK: Readonly<Record<AlarmState, number>> = {
  normal: 0,
  unack: 0,
  acked: 0,
  rtnun: 0,
  shelved: 1,
  suppressed: 2,
  'out-of-service': 3,
};

/** A change the event makes: the next state and the fields it touches. */
interface Step {
  to: AlarmState;
  patch?: Partial<Alarm>;
  detail?: string;
  value?: number;
}

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const iso = (t: number): string => new Date(t).toISOString();
const measured = (value: number | null | undefined) => (value === null || value === undefined ? {} : { value });
const noted = (detail: string | undefined) => (detail ? { detail } : {});

/** When a hold ends, the alarm is what its condition says now. */
function afresh(alarm: Alarm): Step {
  return { to: alarm.conditionActive ? 'unack' : 'normal', patch: { hold: null } };
}

function holdRefused(state: AlarmState, kind: AlarmHold['kind']): string | null {
  if (state === kind) return `already ${kind}`;
  return HOLD_RANK[state] > HOLD_RANK[kind] ? `${state}: that ends first` : null;
}

function holdStep(alarm: Alarm, hold: AlarmHold): Step | string {
  return holdRefused(alarm.state, hold.kind) ?? { to: hold.kind, patch: { hold }, detail: hold.reason };
}

function step(alarm: Alarm, event: AlarmEvent, at: number, policy: ShelvePolicy): Step | string {
  const { state } = alarm;
  switch (event.kind) {
    case 'condition-active': {
      if (alarm.conditionActive) return 'condition already active';
      const patch: Partial<Alarm> = {
        conditionActive: true,
        activationCount: alarm.activationCount + 1,
        activatedAt: at,
        value: event.value ?? null,
        threshold: event.threshold ?? null,
      };
      return { to: isHidden(state) ? state : 'unack', patch, ...measured(event.value) };
    }
    case 'condition-clear': {
      if (!alarm.conditionActive) return 'condition already clear';
      const value = measured(event.value);
      const patch: Partial<Alarm> = { conditionActive: false };
      if (state === 'unack') return { to: 'rtnun', patch, ...value };
      if (state === 'acked') return { to: 'normal', patch, ...value };
      if (alarm.hold?.kind === 'shelved' && alarm.hold.oneShot) {
        return { to: 'normal', patch: { ...patch, hold: null }, ...value };
      }
      return { to: state, patch, ...value };
    }
    case 'acknowledge':
      if (state === 'unack') return { to: 'acked', ...noted(event.note) };
      if (state === 'rtnun') return { to: 'normal', ...noted(event.note) };
      if (state === 'acked') return 'already acknowledged';
      return state === 'normal' ? 'nothing to acknowledge: the alarm is normal' : `${state}: nothing to acknowledge`;
    case 'shelve': {
      if (state === 'normal') return 'nothing to shelve: the alarm is normal';
      const refused = holdRefused(state, 'shelved');
      if (refused) return refused;
      if (event.until <= at) return `shelving must end in the future (until ${iso(event.until)})`;
      const max = policy[alarm.priority];
      if (event.until - at > max) {
        return `shelving of a ${alarm.priority} alarm lasts at most ${max / HOUR} h (until ${iso(at + max)})`;
      }
      if (event.oneShot && !alarm.conditionActive) return 'one-shot shelving needs an active condition';
      const { until, oneShot, reason, by } = event;
      return {
        to: 'shelved',
        patch: { hold: { kind: 'shelved', until, oneShot, reason, since: at, by } },
        detail: reason,
      };
    }
    case 'unshelve':
      return state === 'shelved' ? afresh(alarm) : 'not shelved';
    case 'shelve-expired': {
      const until = shelveDeadline(alarm);
      if (until === null) return 'not shelved';
      return at >= until ? afresh(alarm) : `shelved until ${iso(until)}`;
    }
    case 'suppress':
      return holdStep(alarm, { kind: 'suppressed', reason: event.reason, since: at, by: event.by });
    case 'unsuppress':
      return state === 'suppressed' ? afresh(alarm) : 'not suppressed';
    case 'remove-from-service':
      return holdStep(alarm, { kind: 'out-of-service', reason: event.reason, since: at, by: event.by });
    case 'return-to-service':
      return state === 'out-of-service' ? afresh(alarm) : 'not out of service';
    case 'resolve':
      if (state === 'normal') return 'already normal';
      if (state === 'suppressed' || state === 'out-of-service') return `${state}: that ends first`;
      // The person declares it over; the rule fires again only after its condition clears and returns.
      return { to: 'normal', patch: { conditionActive: false, hold: null }, ...noted(event.note) };
    case 'note': {
      const notes = [...alarm.notes, { at, by: event.by, text: event.text }].slice(-MAX_NOTES);
      return { to: state, patch: { notes }, detail: event.text };
    }
    case 'assign':
      if (state === 'normal') return 'nothing to assign: the alarm is normal';
      if (alarm.assignedUnit === event.unit) return `already assigned to ${event.unit}`;
      return { to: state, patch: { assignedUnit: event.unit }, detail: event.unit };
  }
}

/**
 * Applies one event at `now`. The timeline never runs backwards: an event older than the last change is recorded
 * at the time of that change.
 */
export function apply(
  alarm: Alarm,
  event: AlarmEvent,
  now: number,
  policy: ShelvePolicy = DEFAULT_SHELVE_POLICY,
): ApplyResult {
  const at = Math.max(now, alarm.updatedAt);
  const next = step(alarm, event, at, policy);
  if (typeof next === 'string') return refuse(next);
  const transition: Transition = {
    at,
    event: event.kind,
    from: alarm.state,
    to: next.to,
    by: event.by,
    ...(next.detail === undefined ? {} : { detail: next.detail }),
    ...(next.value === undefined ? {} : { value: next.value }),
  };
  const full = alarm.timeline.length >= MAX_TIMELINE;
  return {
    ok: true,
    transition,
    alarm: {
      ...alarm,
      ...next.patch,
      // Escalation is for alarms nobody answers: it ends once someone acknowledges, resolves or hides it.
      ...(next.to === 'unack' || next.to === 'rtnun' ? {} : { escalation: null }),
      state: next.to,
      timeline: [...(full ? alarm.timeline.slice(1) : alarm.timeline), transition],
      timelineDropped: alarm.timelineDropped + (full ? 1 : 0),
      updatedAt: at,
    },
  };
}
