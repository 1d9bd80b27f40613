// The rule engine: events of the hub's topics in, rising and clearing conditions out. Incremental and
// deterministic (no clock, no I/O): `evaluate` takes one event, `tick` lets time pass for the kinds that fire on
// silence, delays or due dates. Rules are indexed by topic and key, so an event touches only the rules that watch
// it. The state is threaded through the calls and updated in place (50,000 events/s leave no room for copies):
// use the state a call returns, never an earlier one. The evaluator's clock never goes back: an event older than
// the latest one seen counts as arriving now.
import { provinceByCode } from '../provinces.js';
import type { AlarmRule } from './alarm-rules.js';
import type { AlarmArea, AlarmPriority } from './alarm-schema.js';
import { DeadlineQueue } from './deadline-queue.js';
import {
  type CompiledRule,
  type ConditionSink,
  type Instance,
  compileRule,
  onEvent,
  onTimer,
  payloadProvince,
} from './rule-conditions.js';

export interface RuleEvent {
  readonly topic: string;
  readonly key: string;
  /** Epoch ms. */
  readonly time: number;
  readonly payload: unknown;
}

/** A rule's condition rose: the alarm of `dedupKey` becomes active. */
export interface Activation {
  readonly ruleId: string;
  readonly dedupKey: string;
  readonly topic: string;
  readonly key: string;
  readonly time: number;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly priority: AlarmPriority;
  readonly title: string;
  readonly area: AlarmArea;
}

/** A rule's condition cleared: the alarm of `dedupKey` returns to normal (ISA-18.2: RTN). */
export interface Clear {
  readonly ruleId: string;
  readonly dedupKey: string;
  readonly time: number;
  readonly value: number | null;
}

export interface Evaluation {
  readonly state: EvaluatorState;
  readonly activations: readonly Activation[];
  readonly clears: readonly Clear[];
}

/** The rules one key of a topic meets, and their instances for that key once made (same order). */
interface KeyRoute {
  readonly rules: readonly CompiledRule[];
  readonly instances: (Instance | null)[];
}

interface TopicIndex {
  readonly exact: Map<string, CompiledRule[]>;
  readonly patterns: { readonly match: RegExp; readonly compiled: CompiledRule }[];
  /** Routes of the keys seen so far: patterns are matched once per key, not once per event. */
  readonly memo: Map<string, KeyRoute>;
}

interface Timer {
  readonly inst: Instance;
  readonly id: number;
}

/** Bounds against a feed of ever-new keys: memory stays bounded, and keys past the bound are counted. */
const MAX_MEMO_KEYS = 50_000;
const MAX_INSTANCES_PER_RULE = 100_000;
const NONE: readonly never[] = Object.freeze([]);

export interface EvaluatorState {
  readonly topics: ReadonlyMap<string, TopicIndex>;
  /** Per rule (by index): its instances by key. */
  readonly instances: readonly Map<string, Instance>[];
  readonly timers: DeadlineQueue<Timer>;
  /** The latest instant seen. */
  clock: number;
  lastTimer: number;
  /** Events of new keys a rule could not follow because it already follows MAX_INSTANCES_PER_RULE. */
  droppedKeys: number;
}

function keyMatcher(pattern: string): RegExp | null {
  if (!pattern.includes('*')) return null;
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

function anyKey(rule: AlarmRule): boolean {
  return rule.kind === 'stale' && rule.scope === 'any-key';
}

/** A state that follows `rules` from `start` (a stale rule's silence is counted from there). */
export function createEvaluator(rules: readonly AlarmRule[], start: number): EvaluatorState {
  const compiled = rules.map(compileRule);
  const topics = new Map<string, TopicIndex>();
  for (const c of compiled) {
    const { topic, key } = c.rule.watch;
    let index = topics.get(topic);
    if (!index) topics.set(topic, (index = { exact: new Map(), patterns: [], memo: new Map() }));
    const match = keyMatcher(key);
    if (match) index.patterns.push({ match, compiled: c });
    else if (index.exact.has(key)) index.exact.get(key)!.push(c);
    else index.exact.set(key, [c]);
  }
  const state: EvaluatorState = {
    topics,
    instances: compiled.map(() => new Map()),
    timers: new DeadlineQueue(),
    clock: start,
    lastTimer: 0,
    droppedKeys: 0,
  };
  // A stale rule that watches one key, or its keys together, is silent from the start until an event comes.
  const out = new Output(state);
  for (const c of compiled) {
    if (c.rule.kind === 'stale' && (anyKey(c.rule) || !keyMatcher(c.rule.watch.key))) {
      const inst = instanceOf(state, c, c.rule.watch.key, null)!;
      out.arm(inst, start + c.rule.maxAgeS * 1000);
    }
  }
  return state;
}

function routeOf(index: TopicIndex, key: string): KeyRoute {
  const known = index.memo.get(key);
  if (known) return known;
  const rules = [
    ...(index.exact.get(key) ?? []),
    ...index.patterns.filter((p) => p.match.test(key)).map((p) => p.compiled),
  ];
  rules.sort((a, b) => a.index - b.index);
  if (index.memo.size >= MAX_MEMO_KEYS) index.memo.clear();
  const route = { rules, instances: rules.map(() => null) };
  index.memo.set(key, route);
  return route;
}

function instanceOf(state: EvaluatorState, c: CompiledRule, key: string, event: RuleEvent | null): Instance | null {
  const instances = state.instances[c.index]!;
  const existing = instances.get(key);
  if (existing) return existing;
  if (instances.size >= MAX_INSTANCES_PER_RULE) {
    state.droppedKeys++;
    return null;
  }
  const { rule } = c;
  const fromPayload = rule.area.province === null && event ? payloadProvince(event.payload) : null;
  const named = fromPayload === null ? undefined : provinceByCode(fromPayload);
  const province = rule.area.province ?? named?.code ?? null;
  const inst: Instance = {
    compiled: c,
    topic: rule.watch.topic,
    key,
    dedupKey: rule.dedupKey.replace(/\{(rule|topic|key|province)\}/g, (_, name: string) =>
      name === 'rule' ? rule.id : name === 'topic' ? rule.watch.topic : name === 'key' ? key : (province ?? ''),
    ),
    area: { province, unit: rule.area.unit },
    title: named ? `${rule.name} — ${named.name}` : rule.name,
    active: false,
    pendingSince: null,
    timer: 0,
    armedAt: 0,
    value: null,
    threshold: null,
    lastSeen: state.clock,
    dueDay: 0,
    times: [],
    values: [],
    head: 0,
  };
  instances.set(key, inst);
  return inst;
}

/** Collects what one call produced, and keeps the timers of the state. */
class Output implements ConditionSink {
  activations: Activation[] | null = null;
  clears: Clear[] | null = null;
  constructor(private readonly state: EvaluatorState) {}

  rise(inst: Instance, at: number): void {
    inst.active = true;
    const { rule } = inst.compiled;
    (this.activations ??= []).push({
      ruleId: rule.id,
      dedupKey: inst.dedupKey,
      topic: inst.topic,
      key: inst.key,
      time: at,
      value: inst.value,
      threshold: inst.threshold,
      priority: rule.priority,
      title: inst.title,
      area: inst.area,
    });
  }

  fall(inst: Instance, at: number): void {
    inst.active = false;
    (this.clears ??= []).push({ ruleId: inst.compiled.rule.id, dedupKey: inst.dedupKey, time: at, value: inst.value });
  }

  arm(inst: Instance, at: number): void {
    inst.timer = ++this.state.lastTimer;
    inst.armedAt = at;
    this.state.timers.push(at, { inst, id: inst.timer });
  }

  result(): Evaluation {
    return { state: this.state, activations: this.activations ?? NONE, clears: this.clears ?? NONE };
  }
}

/** Calls back, in order, every instance whose instant has come by `now`. */
function advance(state: EvaluatorState, out: Output, now: number): void {
  for (let due = state.timers.popDue(now); due; due = state.timers.popDue(now)) {
    const { inst, id } = due.item;
    if (inst.timer !== id) continue; // replaced or cancelled since
    inst.timer = 0;
    onTimer(out, inst, due.at);
  }
  if (now > state.clock) state.clock = now;
}

export function evaluate(state: EvaluatorState, event: RuleEvent): Evaluation {
  const out = new Output(state);
  const index = state.topics.get(event.topic);
  if (!Number.isFinite(event.time)) return out.result();
  const t = Math.max(event.time, state.clock);
  advance(state, out, t);
  if (!index) return out.result();
  const route = routeOf(index, event.key);
  const view = { payload: event.payload };
  for (let i = 0; i < route.rules.length; i++) {
    let inst = route.instances[i] ?? null;
    if (!inst) {
      const c = route.rules[i]!;
      inst = route.instances[i] = instanceOf(state, c, anyKey(c.rule) ? c.rule.watch.key : event.key, event);
      if (!inst) continue;
    }
    onEvent(out, inst, view, t);
  }
  return out.result();
}

/** Lets time pass to `now`: silences, delays and due dates that have come fire at their own instant. */
export function tick(state: EvaluatorState, now: number): Evaluation {
  const out = new Output(state);
  advance(state, out, now);
  return out.result();
}

export interface DryRun {
  /** How many times the rule would have raised its alarm. */
  readonly fired: number;
  readonly activations: readonly Activation[];
  readonly clears: readonly Clear[];
}

/** Runs one rule over a recorded series (e.g. the last 24 h the host holds): what it would have done. */
export function dryRun(rule: AlarmRule, events: Iterable<RuleEvent>, range: { from: number; to: number }): DryRun {
  let state = createEvaluator([rule], range.from);
  const activations: Activation[] = [];
  const clears: Clear[] = [];
  const collect = (e: Evaluation) => {
    state = e.state;
    activations.push(...e.activations);
    clears.push(...e.clears);
  };
  for (const event of events) if (event.time >= range.from && event.time <= range.to) collect(evaluate(state, event));
  collect(tick(state, range.to));
  return { fired: activations.length, activations, clears };
}
