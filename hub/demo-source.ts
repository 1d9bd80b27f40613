// The demo data source: a deterministic stream of what a Vietnamese IOC watches — indicators of the 34
// provinces, live national counters, Government-assigned tasks and alerts. Same seed and clock → same events.
import type {
  AlertPayload,
  IndicatorId,
  IndicatorPayload,
  KnownTopic,
  LiveCounterPayload,
  TaskPayload,
} from '../src/contract/topics.js';
import { PROVINCES } from '../src/domain/provinces.js';
import { demoPresetEvents } from '../src/domain/presets/demo-presets.js';
import type { PresetPayload, WallStatePayload } from '../src/domain/presets/preset-schema.js';
import { ALERT_TEMPLATES, ECONOMIC_WEIGHT, SOURCE_SYSTEMS, TASK_TITLES, TASK_UNITS } from './demo-catalog.js';
import { SeededRandom } from './seeded-random.js';

export interface DemoEvent {
  topic: KnownTopic;
  key: string;
  source: string;
  time: number;
  payload: IndicatorPayload | LiveCounterPayload | TaskPayload | AlertPayload | PresetPayload | WallStatePayload;
}

export interface DemoSourceOptions {
  seed: number;
  /** Epoch ms; injected so tests are deterministic. */
  clock: () => number;
}

const DAY_MS = 86_400_000;

export class DemoSource {
  private readonly rnd: SeededRandom;
  private readonly clock: () => number;
  private readonly counters = new Map<LiveCounterPayload['metric'], number>();
  private readonly indicators = new Map<string, IndicatorPayload>();
  private readonly tasks = new Map<string, TaskPayload>();
  private readonly alerts = new Map<string, AlertPayload>();
  private nextAlert = 1;

  constructor(options: DemoSourceOptions) {
    this.rnd = new SeededRandom(options.seed);
    this.clock = options.clock;
  }

  /** The state of the room at start: every indicator of every province, the tasks, a few alerts. */
  initial(): DemoEvent[] {
    const events: DemoEvent[] = [];
    const period = monthOf(this.clock());
    for (const p of PROVINCES) {
      for (const indicator of ['gdp_growth', 'cpi', 'fdi', 'disbursement', 'new_businesses'] as const) {
        events.push(this.indicatorEvent(p.code, indicator, period, this.rnd.chance(0.7) ? 'official' : 'preliminary'));
      }
    }
    for (const metric of ['new_businesses_today', 'public_services_today', 'documents_processed_today'] as const) {
      this.counters.set(metric, this.rnd.int(50, 400));
      events.push(this.counterEvent(metric));
    }
    TASK_TITLES.forEach((title, i) => events.push(this.newTask(i + 1, title)));
    for (let i = 0; i < 4; i++) events.push(this.newAlert());
    // Last, so the random draws above (and with them the demo's data for a seed) stay as they were.
    events.push(...demoPresetEvents(this.clock()));
    return events;
  }

  /** What happens in one tick (about a quarter of a second) of a working day. */
  tick(): DemoEvent[] {
    const events: DemoEvent[] = [];
    const metric = this.rnd.pick([
      'new_businesses_today',
      'public_services_today',
      'documents_processed_today',
    ] as const);
    this.counters.set(metric, (this.counters.get(metric) ?? 0) + this.rnd.int(1, 4));
    events.push(this.counterEvent(metric));
    if (this.rnd.chance(0.3)) {
      const p = this.rnd.pick(PROVINCES);
      const indicator = this.rnd.pick(['gdp_growth', 'cpi', 'fdi', 'disbursement', 'new_businesses'] as const);
      events.push(this.indicatorEvent(p.code, indicator, monthOf(this.clock()), 'preliminary'));
    }
    if (this.rnd.chance(0.03)) events.push(this.advanceTask());
    if (this.rnd.chance(0.006)) events.push(this.newAlert());
    if (this.rnd.chance(0.02)) {
      const next = this.advanceAlert();
      if (next) events.push(next);
    }
    return events;
  }

  private indicatorEvent(
    province: string,
    indicator: IndicatorId,
    period: string,
    status: IndicatorPayload['status'],
  ): DemoEvent {
    const key = `${province}:${indicator}`;
    const previous = this.indicators.get(key)?.value;
    const w = ECONOMIC_WEIGHT[province] ?? 1;
    const drift = (spread: number): number => (previous ?? 0) + this.rnd.between(-spread, spread);
    let value: number;
    switch (indicator) {
      case 'gdp_growth':
        value = previous === undefined ? this.rnd.between(5.5, 10.5) : clamp(drift(0.15), 3, 12);
        break;
      case 'cpi':
        value = previous === undefined ? this.rnd.between(2.2, 4.2) : clamp(drift(0.05), 1, 6);
        break;
      case 'fdi':
        value = previous === undefined ? w * this.rnd.between(40, 260) : Math.max(0, drift(w * 4));
        break;
      case 'disbursement':
        value =
          previous === undefined ? this.rnd.between(35, 80) : clamp((previous ?? 0) + this.rnd.between(0, 0.4), 0, 100);
        break;
      case 'new_businesses':
        value =
          previous === undefined ? Math.round(w * this.rnd.between(150, 500)) : Math.max(0, Math.round(drift(w * 6)));
        break;
    }
    const payload: IndicatorPayload = {
      province,
      indicator,
      value: Math.round(value * 100) / 100,
      period,
      status,
      sourceSystem: indicator === 'disbursement' ? SOURCE_SYSTEMS.disbursement : SOURCE_SYSTEMS.indicators,
    };
    this.indicators.set(key, payload);
    return { topic: 'econ.indicators', key, source: 'demo', time: this.clock(), payload };
  }

  private counterEvent(metric: LiveCounterPayload['metric']): DemoEvent {
    const sourceSystem =
      metric === 'new_businesses_today'
        ? SOURCE_SYSTEMS.registrations
        : metric === 'public_services_today'
          ? SOURCE_SYSTEMS.publicServices
          : SOURCE_SYSTEMS.documents;
    const payload: LiveCounterPayload = { metric, value: this.counters.get(metric) ?? 0, sourceSystem };
    return { topic: 'econ.live', key: metric, source: 'demo', time: this.clock(), payload };
  }

  private newTask(n: number, title: string): DemoEvent {
    const now = this.clock();
    const dueIn = this.rnd.int(-10, 30);
    const payload: TaskPayload = {
      id: `NV-${String(n).padStart(4, '0')}`,
      title,
      assignedBy: this.rnd.chance(0.4) ? 'prime_minister' : 'government',
      unit: this.rnd.pick(TASK_UNITS),
      dueDate: isoDate(now + dueIn * DAY_MS),
      status:
        dueIn < 0
          ? this.rnd.chance(0.5)
            ? 'overdue'
            : 'done_late'
          : this.rnd.chance(0.3)
            ? 'done_on_time'
            : 'in_progress',
    };
    if (payload.status === 'done_late' || payload.status === 'done_on_time') payload.completedOn = isoDate(now);
    this.tasks.set(payload.id, payload);
    return { topic: 'gov.tasks', key: payload.id, source: 'demo', time: now, payload };
  }

  private advanceTask(): DemoEvent {
    const open = [...this.tasks.values()].filter((t) => t.status === 'in_progress' || t.status === 'overdue');
    if (open.length === 0) return this.newTask(this.tasks.size + 1, this.rnd.pick(TASK_TITLES));
    const task = this.rnd.pick(open);
    const now = this.clock();
    const late = task.dueDate < isoDate(now);
    const next: TaskPayload = { ...task, status: late ? 'done_late' : 'done_on_time', completedOn: isoDate(now) };
    this.tasks.set(next.id, next);
    return { topic: 'gov.tasks', key: next.id, source: 'demo', time: now, payload: next };
  }

  private newAlert(): DemoEvent {
    const template = this.rnd.pick(ALERT_TEMPLATES);
    const now = this.clock();
    const payload: AlertPayload = {
      id: `CB-${String(this.nextAlert++).padStart(5, '0')}`,
      severity: this.rnd.pick(['critical', 'major', 'major', 'minor', 'minor', 'info'] as const),
      title: template.title,
      category: template.category,
      province: this.rnd.pick(template.provinces),
      state: 'active',
      raisedAt: now,
    };
    this.alerts.set(payload.id, payload);
    return { topic: 'ops.alerts', key: payload.id, source: 'demo', time: now, payload };
  }

  /**
   * Acknowledging is the operators' job, not the source's: the source only clears conditions — an acknowledged
   * alert after a while, an unattended one after ten minutes.
   */
  private advanceAlert(): DemoEvent | undefined {
    const now = this.clock();
    const clearable = [...this.alerts.values()].filter(
      (a) => a.state === 'acknowledged' || (a.state === 'active' && now - a.raisedAt > 10 * 60_000),
    );
    if (clearable.length === 0) return undefined;
    const alert = this.rnd.pick(clearable);
    const next: AlertPayload = { ...alert, state: 'resolved' };
    this.alerts.set(next.id, next);
    return { topic: 'ops.alerts', key: next.id, source: 'demo', time: now, payload: next };
  }
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}
