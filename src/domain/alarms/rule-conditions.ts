// What each kind of rule measures and when its condition rises and clears. Each watched thing of a rule (a key,
// or for a stale rule over any key the pattern itself) is an instance with its own condition; the evaluator feeds
// it events and calls it back at the instants it asks for (delays, silence, due dates). Time is the event's time,
// never a clock read here: the same events give the same alarms however often the evaluator is ticked.
import type { AlarmRule } from './alarm-rules.js';
import type { AlarmArea } from './alarm-schema.js';

type Rule<K extends AlarmRule['kind']> = Extract<AlarmRule, { kind: K }>;
type LevelRule = Rule<'threshold' | 'rate' | 'plan-deviation'>;

const SECOND = 1000;
const DAY = 86_400_000;
/** Việt Nam keeps UTC+7 without daylight saving: months and days of the room's calendar. */
const VN_OFFSET = 7 * 3_600_000;
/** A rate rule keeps at most this many values per key; a faster feed has its window cut short. */
const MAX_SAMPLES = 4096;

/** A rule ready to run: what the schema says, turned into what the hot path needs. */
export interface CompiledRule {
  readonly rule: AlarmRule;
  readonly index: number;
  /** The payload field the number is read from (level kinds). */
  readonly path: readonly string[];
  readonly onDelay: number;
  readonly offDelay: number;
  readonly deadband: number;
}

export function compileRule(rule: AlarmRule, index: number): CompiledRule {
  const level = rule.kind === 'threshold' || rule.kind === 'rate' || rule.kind === 'plan-deviation';
  return {
    rule,
    index,
    path: level ? rule.field.split('.') : [],
    onDelay: level ? rule.onDelayS * SECOND : 0,
    offDelay: level ? rule.offDelayS * SECOND : 0,
    deadband: level ? rule.deadband : 0,
  };
}

export interface Instance {
  readonly compiled: CompiledRule;
  readonly topic: string;
  readonly key: string;
  readonly dedupKey: string;
  readonly area: AlarmArea;
  readonly title: string;
  /** The condition as last decided. */
  active: boolean;
  /** Since when the measure has said the opposite of `active` (waiting for the on- or off-delay). */
  pendingSince: number | null;
  /** Id of the one callback the instance waits for (0: none), and its instant. */
  timer: number;
  armedAt: number;
  /** The measure and its limit, reported when the alarm rises or clears. */
  value: number | null;
  threshold: number | null;
  /** Stale: time of the latest event. */
  lastSeen: number;
  /** Task due: the due date as a day number of the room's calendar. */
  dueDay: number;
  /** Rate: the values within the window, oldest at `head`. */
  readonly times: number[];
  readonly values: number[];
  head: number;
}

/** An event's payload, and what the conditions read from it once for all the rules that watch it. */
export interface EventView {
  readonly payload: unknown;
  task?: { readonly status: string; readonly dueDay: number } | null;
}

/** What a condition does: raise or clear its alarm, or ask to be called back at an instant. */
export interface ConditionSink {
  rise(inst: Instance, at: number): void;
  fall(inst: Instance, at: number): void;
  arm(inst: Instance, at: number): void;
}

function readNumber(payload: unknown, path: readonly string[]): number | null {
  let v: unknown = payload;
  for (const part of path) {
    if (typeof v !== 'object' || v === null) return null;
    v = (v as Record<string, unknown>)[part];
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function readString(payload: unknown, field: string): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const v = (payload as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : null;
}

/** The province a payload names (`province`), for rules over every province. */
export function payloadProvince(payload: unknown): string | null {
  return readString(payload, 'province');
}

function monthOf(payload: unknown, t: number): number {
  const period = readString(payload, 'period');
  const m = period === null ? null : /^\d{4}-(?:(0[1-9]|1[0-2])|Q([1-4]))$/.exec(period);
  if (m) return m[1] ? Number(m[1]) : Number(m[2]) * 3;
  return new Date(t + VN_OFFSET).getUTCMonth() + 1;
}

function planTarget(rule: Rule<'plan-deviation'>, month: number): number {
  let target = 0;
  for (const p of rule.plan) if (p.month <= month) target = p.target;
  return target;
}

/** How far the measure is past its limit (> 0: the condition holds); null when the event carries no number. */
function excess(inst: Instance, rule: LevelRule, payload: unknown, t: number): number | null {
  const v = readNumber(payload, inst.compiled.path);
  if (v === null) return null;
  switch (rule.kind) {
    case 'threshold':
      inst.value = v;
      inst.threshold = rule.limit;
      return rule.direction === 'above' ? v - rule.limit : rule.limit - v;
    case 'rate': {
      const { times, values } = inst;
      times.push(t);
      values.push(v);
      const from = t - rule.windowS * SECOND;
      while (times[inst.head]! < from || times.length - inst.head > MAX_SAMPLES) inst.head++;
      if (inst.head > 1024 && inst.head * 2 > times.length) {
        times.splice(0, inst.head);
        values.splice(0, inst.head);
        inst.head = 0;
      }
      const change = v - values[inst.head]!;
      inst.value = change;
      inst.threshold = rule.change;
      const past = rule.direction === 'rise' ? change : rule.direction === 'fall' ? -change : Math.abs(change);
      return past - rule.change;
    }
    case 'plan-deviation': {
      const target = planTarget(rule, monthOf(payload, t));
      inst.value = v;
      inst.threshold = target;
      const gap =
        rule.direction === 'behind' ? target - v : rule.direction === 'ahead' ? v - target : Math.abs(v - target);
      return gap - rule.tolerance;
    }
  }
}

/** Rises when the measure passes the limit, clears once it is back by the deadband; each after its delay. */
function level(sink: ConditionSink, inst: Instance, over: number, t: number): void {
  const { deadband, onDelay, offDelay } = inst.compiled;
  const holds = inst.active ? over > -deadband : over > 0;
  if (holds === inst.active) {
    inst.pendingSince = null;
    inst.timer = 0;
    return;
  }
  const delay = inst.active ? offDelay : onDelay;
  if (delay === 0) {
    flip(sink, inst, t);
  } else if (inst.pendingSince === null) {
    inst.pendingSince = t;
    sink.arm(inst, t + delay);
  }
}

function flip(sink: ConditionSink, inst: Instance, at: number): void {
  inst.pendingSince = null;
  if (inst.active) sink.fall(inst, at);
  else sink.rise(inst, at);
}

const DONE = new Set(['done_on_time', 'done_late']);

/** Day number (days since 1970-01-01) of the room's calendar. */
const vnDay = (t: number): number => Math.floor((t + VN_OFFSET) / DAY);

/** When a task enters the rule's window: the start of the day N days before it is due, or the day after. */
function taskWindow(rule: Rule<'task-due'>, dueDay: number): number {
  const fireDay = rule.dueWithinDays === null ? dueDay + 1 : dueDay - rule.dueWithinDays;
  return fireDay * DAY - VN_OFFSET;
}

function riseTask(sink: ConditionSink, inst: Instance, rule: Rule<'task-due'>, at: number): void {
  // Days left until the due date (0: due today, negative: overdue).
  inst.value = inst.dueDay - vnDay(at);
  inst.threshold = rule.dueWithinDays ?? 0;
  sink.rise(inst, at);
}

function readTask(payload: unknown): EventView['task'] {
  const status = readString(payload, 'status');
  const due = /^(\d{4})-(\d{2})-(\d{2})$/.exec(readString(payload, 'dueDate') ?? '');
  if (status === null || !due) return null;
  const dueDay = Date.UTC(Number(due[1]), Number(due[2]) - 1, Number(due[3])) / DAY;
  return Number.isFinite(dueDay) ? { status, dueDay } : null;
}

function taskEvent(sink: ConditionSink, inst: Instance, rule: Rule<'task-due'>, view: EventView, t: number): void {
  if (view.task === undefined) view.task = readTask(view.payload);
  if (!view.task) return;
  const { status, dueDay } = view.task;
  inst.dueDay = dueDay;
  const done = DONE.has(status);
  const fireAt = taskWindow(rule, dueDay);
  const holds = !done && (status === 'overdue' || t >= fireAt);
  const waits = !holds && !done;
  if (!waits) inst.timer = 0;
  if (holds && !inst.active) riseTask(sink, inst, rule, t);
  else if (!holds && inst.active) sink.fall(inst, t);
  // A task updated without a new due date keeps the callback it has (no new timer for each update).
  if (waits && (inst.timer === 0 || inst.armedAt !== fireAt)) sink.arm(inst, fireAt);
}

export function onEvent(sink: ConditionSink, inst: Instance, view: EventView, t: number): void {
  const rule = inst.compiled.rule;
  switch (rule.kind) {
    case 'stale':
      inst.lastSeen = t;
      if (inst.active) {
        inst.value = null;
        sink.fall(inst, t);
      }
      if (inst.timer === 0) sink.arm(inst, t + rule.maxAgeS * SECOND);
      return;
    case 'task-due':
      taskEvent(sink, inst, rule, view, t);
      return;
    default: {
      const over = excess(inst, rule, view.payload, t);
      if (over !== null) level(sink, inst, over, t);
    }
  }
}

/** The instant an instance asked for has come (the evaluator only calls back the latest request). */
export function onTimer(sink: ConditionSink, inst: Instance, due: number): void {
  const rule = inst.compiled.rule;
  switch (rule.kind) {
    case 'stale': {
      const end = inst.lastSeen + rule.maxAgeS * SECOND;
      if (end > due) {
        sink.arm(inst, end);
      } else {
        inst.value = (due - inst.lastSeen) / SECOND;
        inst.threshold = rule.maxAgeS;
        sink.rise(inst, due);
      }
      return;
    }
    case 'task-due':
      if (!inst.active) riseTask(sink, inst, rule, due);
      return;
    default:
      if (inst.pendingSince !== null) flip(sink, inst, due);
  }
}
