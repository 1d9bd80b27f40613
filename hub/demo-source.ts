// The demo data source: a deterministic stream of what a Vietnamese IOC watches — indicators of the 34
// provinces, live national counters, Government-assigned tasks and alerts. Same seed and clock → same events.
// The series keep the shapes and magnitudes of the real ones (hub/demo-catalog.ts), in Vietnam's calendar.
import { apply, newAlarm } from '../src/domain/alarms/alarm-lifecycle.js';
import type { Alarm, SystemActor } from '../src/domain/alarms/alarm-schema.js';
import type {
  IndicatorId,
  IndicatorPayload,
  KnownTopic,
  LiveCounterPayload,
  TaskPayload,
} from '../src/contract/topics.js';
import { DEMO_SOURCE } from '../src/contract/hub-protocol.js';
import { PROVINCES } from '../src/domain/provinces.js';
import { demoPresetEvents } from '../src/domain/presets/demo-presets.js';
import type { PresetPayload, WallStatePayload } from '../src/domain/presets/preset-schema.js';
import {
  ALERT_TEMPLATES,
  DAILY_TOTALS,
  DISBURSEMENT_CURVE,
  ECONOMIC_WEIGHT,
  NATIONAL_SCALE,
  SOURCE_SYSTEMS,
  TASK_TITLES,
  TASK_UNITS,
} from './demo-catalog.js';
import {
  dayOfYear,
  lastQuarter,
  localDate,
  localDayNumber,
  localMonth,
  localWeekday,
  previousMonth,
  previousQuarter,
  startOfMonthDay,
  timeOfDay,
} from './demo-calendar.js';
import { SeededRandom } from './seeded-random.js';

export interface DemoEvent {
  topic: KnownTopic;
  key: string;
  source: string;
  time: number;
  payload: IndicatorPayload | LiveCounterPayload | TaskPayload | Alarm | PresetPayload | WallStatePayload;
}

export interface DemoSourceOptions {
  seed: number;
  /** Epoch ms; injected so tests are deterministic. */
  clock: () => number;
  /**
   * An alarm's record as the log holds it now: operators change alarms between ticks, and the source must clear
   * the alarm they acknowledged, not its own older copy (which would undo their work).
   */
  currentAlarm?: (id: string) => Alarm | undefined;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const INDICATORS = ['gdp_growth', 'cpi', 'fdi', 'disbursement', 'new_businesses'] as const;
const COUNTERS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'] as const;
/** Share of a working day's registrations, dossiers and documents in each hour (office hours, a lunch break). */
const HOURLY = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 6, 6, 5, 2, 2, 5, 6, 6, 4, 2, 1, 0.8, 0.6, 0.4, 0.3];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);
/** Saturdays and Sundays see a fraction of a working day's filings. */
const WEEKEND = { 6: 0.3, 7: 0.1 } as Readonly<Record<number, number>>;
/** The KPI tiles compare with an hour ago and with the previous period: the demo starts with that history. */
const SEEDED_MINUTES = 120;
const SEED_STEP_MINUTES = 5;

export class DemoSource {
  private readonly rnd: SeededRandom;
  private readonly seed: number;
  private readonly clock: () => number;
  private readonly indicators = new Map<string, IndicatorPayload>();
  private readonly tasks = new Map<string, TaskPayload>();
  private readonly alerts = new Map<string, Alarm>();
  /** How far ahead of the national disbursement curve each province is (1 = on it). */
  private readonly pace = new Map<string, number>();
  private readonly weightSum = Object.values(ECONOMIC_WEIGHT).reduce((a, b) => a + b, 0);
  private nextAlert = 1;
  private readonly currentAlarm: (id: string) => Alarm | undefined;

  constructor(options: DemoSourceOptions) {
    this.seed = options.seed;
    this.rnd = new SeededRandom(options.seed);
    this.clock = options.clock;
    this.currentAlarm = options.currentAlarm ?? (() => undefined);
  }

  /**
   * The state of the room at start: every indicator of every province (after its previous period's figure, so
   * each tile has something to compare with), the live counters with their last two hours, the tasks, a few alerts.
   */
  initial(): DemoEvent[] {
    const events: DemoEvent[] = [];
    const now = this.clock();
    for (const p of PROVINCES) this.pace.set(p.code, this.rnd.between(0.85, 1.15));
    const current: DemoEvent[] = [];
    for (const p of PROVINCES) {
      for (const indicator of INDICATORS) {
        events.push(this.indicatorEvent(p.code, indicator, 'official', now - DAY_MS, true));
        current.push(this.indicatorEvent(p.code, indicator, this.rnd.chance(0.7) ? 'official' : 'preliminary', now));
      }
    }
    events.push(...current);
    // Today's only: a counter of the day starts again at midnight, and its history should not say it fell.
    for (let m = SEEDED_MINUTES; m > 0; m -= SEED_STEP_MINUTES) {
      const time = now - m * MINUTE_MS;
      if (localDate(time) !== localDate(now)) continue;
      for (const metric of COUNTERS) events.push(this.counterEvent(metric, time));
    }
    for (const metric of COUNTERS) events.push(this.counterEvent(metric, now));
    TASK_TITLES.forEach((title, i) => events.push(this.newTask(i + 1, title)));
    for (let i = 0; i < 4; i++) events.push(this.newAlert());
    // Last, so the random draws above (and with them the demo's data for a seed) stay as they were.
    events.push(...demoPresetEvents(now));
    return events;
  }

  /**
   * A demo started again on a log that already has its alarms (a restarted hub, or another hub taking over
   * production) numbers its new alarms after the highest one there, rather than raising CB-00005 over an old one.
   */
  continueAlarmNumbers(alarmIds: Iterable<string>): void {
    for (const id of alarmIds) {
      const n = /^CB-(\d+)$/.exec(id);
      if (n) this.nextAlert = Math.max(this.nextAlert, Number(n[1]) + 1);
    }
  }

  /** What happens in one tick (about a quarter of a second) of a working day. */
  tick(): DemoEvent[] {
    const events: DemoEvent[] = [];
    events.push(this.counterEvent(this.rnd.pick(COUNTERS), this.clock()));
    if (this.rnd.chance(0.3)) {
      const p = this.rnd.pick(PROVINCES);
      const indicator = this.rnd.pick(INDICATORS);
      events.push(this.indicatorEvent(p.code, indicator, 'preliminary', this.clock()));
    }
    // A task is completed every few minutes, not every few seconds: the overdue ones stay on the wall.
    if (this.rnd.chance(0.001)) events.push(this.advanceTask());
    if (this.rnd.chance(0.006)) events.push(this.newAlert());
    if (this.rnd.chance(0.02)) {
      const next = this.advanceAlert();
      if (next) events.push(next);
    }
    return events;
  }

  /**
   * One province's figure for the current reporting period, or with `previousPeriod` for the one before (a fresh
   * figure the current one then moves on from). GRDP covers the last quarter that has ended, the others the
   * month; disbursement is the year's running total, so it follows the calendar rather than chance.
   */
  private indicatorEvent(
    province: string,
    indicator: IndicatorId,
    status: IndicatorPayload['status'],
    time: number,
    previousPeriod = false,
  ): DemoEvent {
    const key = `${province}:${indicator}`;
    const now = this.clock();
    const quarterly = indicator === 'gdp_growth';
    const current = quarterly ? lastQuarter(now) : localMonth(now);
    const period = previousPeriod ? (quarterly ? previousQuarter(current) : previousMonth(current)) : current;
    const held = previousPeriod ? undefined : this.indicators.get(key)?.value;
    const share = (ECONOMIC_WEIGHT[province] ?? 0) / this.weightSum;
    let value: number;
    switch (indicator) {
      case 'gdp_growth':
        value = held === undefined ? this.rnd.between(5.5, 10.5) : clamp(held + this.rnd.between(-0.15, 0.15), 3, 12);
        break;
      case 'cpi':
        value = held === undefined ? this.rnd.between(2.2, 4.2) : clamp(held + this.rnd.between(-0.05, 0.05), 1, 6);
        break;
      case 'fdi':
        value = this.monthlyFigure(held, NATIONAL_SCALE.fdiPerMonth * share);
        break;
      case 'disbursement': {
        // The previous month's figure is where the year stood on the 1st of this one (December's in January).
        const day = previousPeriod ? (current.endsWith('-01') ? 365 : startOfMonthDay(current)) : dayOfYear(now);
        value = clamp(disbursementAt(day) * (this.pace.get(province) ?? 1), 0, 100);
        break;
      }
      case 'new_businesses':
        value = Math.round(this.monthlyFigure(held, NATIONAL_SCALE.newBusinessesPerMonth * share));
        break;
    }
    const payload: IndicatorPayload = {
      province,
      indicator,
      value: Math.round(value * 100) / 100,
      period,
      status,
      sourceSystem: SOURCE_OF[indicator],
    };
    if (!previousPeriod) this.indicators.set(key, payload);
    return { topic: 'econ.indicators', key, source: DEMO_SOURCE, time, payload };
  }

  /** A month's figure around its expected level: drawn fresh, then revised a little, drawn back towards it. */
  private monthlyFigure(held: number | undefined, expected: number): number {
    if (held === undefined) return expected * this.rnd.between(0.6, 1.4);
    return Math.max(0, held + 0.1 * (expected - held) + expected * this.rnd.between(-0.03, 0.03));
  }

  /**
   * A counter of the day at a moment: the day's total (a working day's, less at weekends, varying from day to
   * day) times the share of it filed by that time. It grows through the day and starts from 0 at 00:00 in Vietnam.
   */
  private counterEvent(metric: LiveCounterPayload['metric'], time: number): DemoEvent {
    const day = localDayNumber(time);
    const jitter = new SeededRandom(this.seed * 7919 + day * 31 + COUNTERS.indexOf(metric)).between(0.85, 1.15);
    const total = DAILY_TOTALS[metric] * (WEEKEND[localWeekday(time)] ?? 1) * jitter;
    const hours = timeOfDay(time) * 24;
    const hour = Math.floor(hours);
    const done = HOURLY.slice(0, hour).reduce((a, b) => a + b, 0) + (HOURLY[hour] ?? 0) * (hours - hour);
    const payload: LiveCounterPayload = {
      metric,
      value: Math.floor((total * done) / HOURLY_SUM),
      sourceSystem: COUNTER_SOURCE[metric],
    };
    return { topic: 'econ.live', key: metric, source: DEMO_SOURCE, time, payload };
  }

  private newTask(n: number, title: string): DemoEvent {
    const now = this.clock();
    const dueIn = this.rnd.int(-10, 30);
    const payload: TaskPayload = {
      id: `NV-${String(n).padStart(4, '0')}`,
      title,
      assignedBy: this.rnd.chance(0.4) ? 'prime_minister' : 'government',
      unit: this.rnd.pick(TASK_UNITS),
      dueDate: localDate(now + dueIn * DAY_MS),
      status:
        dueIn < 0
          ? this.rnd.chance(0.5)
            ? 'overdue'
            : 'done_late'
          : this.rnd.chance(0.3)
            ? 'done_on_time'
            : 'in_progress',
    };
    if (payload.status === 'done_late' || payload.status === 'done_on_time') payload.completedOn = localDate(now);
    this.tasks.set(payload.id, payload);
    return { topic: 'gov.tasks', key: payload.id, source: DEMO_SOURCE, time: now, payload };
  }

  private advanceTask(): DemoEvent {
    const open = [...this.tasks.values()].filter((t) => t.status === 'in_progress' || t.status === 'overdue');
    if (open.length === 0) return this.newTask(this.tasks.size + 1, this.rnd.pick(TASK_TITLES));
    const task = this.rnd.pick(open);
    const now = this.clock();
    const late = task.dueDate < localDate(now);
    const next: TaskPayload = { ...task, status: late ? 'done_late' : 'done_on_time', completedOn: localDate(now) };
    this.tasks.set(next.id, next);
    return { topic: 'gov.tasks', key: next.id, source: DEMO_SOURCE, time: now, payload: next };
  }

  private newAlert(): DemoEvent {
    const template = this.rnd.pick(ALERT_TEMPLATES);
    const now = this.clock();
    const id = `CB-${String(this.nextAlert++).padStart(5, '0')}`;
    const fresh = newAlarm(
      {
        id,
        ruleId: 'demo',
        dedupKey: id,
        priority: this.rnd.pick(['emergency', 'high', 'high', 'medium', 'medium', 'low'] as const),
        title: template.title,
        area: { province: this.rnd.pick(template.provinces), unit: null },
      },
      now,
    );
    return this.alarmEvent(fresh, now, 'condition-active');
  }

  /**
   * Acknowledging is the operators' job, not the source's: the source only clears conditions — an acknowledged
   * alarm after a while, an unattended one after ten minutes.
   */
  private advanceAlert(): DemoEvent | undefined {
    const now = this.clock();
    const current = [...this.alerts.values()].map((a) => this.currentAlarm(a.id) ?? a);
    // An alarm a person resolved is over for the source too.
    for (const a of current) if (!a.conditionActive) this.alerts.delete(a.id);
    const clearable = current.filter(
      (a) => a.conditionActive && (a.state !== 'unack' || now - (a.activatedAt ?? now) > 10 * 60_000),
    );
    if (clearable.length === 0) return undefined;
    return this.alarmEvent(this.rnd.pick(clearable), now, 'condition-clear');
  }

  private alarmEvent(alarm: Alarm, now: number, kind: 'condition-active' | 'condition-clear'): DemoEvent {
    const by: SystemActor = { kind: 'system', source: DEMO_SOURCE };
    const next = apply(alarm, { kind, by }, now);
    // The source only raises new alarms and clears active ones: both are always allowed.
    const payload = next.ok ? next.alarm : alarm;
    if (payload.conditionActive) this.alerts.set(payload.id, payload);
    else this.alerts.delete(payload.id);
    return { topic: 'ops.alerts', key: payload.id, source: DEMO_SOURCE, time: now, payload };
  }
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

/** Public investment disbursed by a day of the year, % of plan, along the national curve. */
function disbursementAt(day: number): number {
  const points = DISBURSEMENT_CURVE;
  for (let i = 1; i < points.length; i++) {
    const [d1, v1] = points[i] as readonly [number, number];
    const [d0, v0] = points[i - 1] as readonly [number, number];
    if (day <= d1) return v0 + ((v1 - v0) * (day - d0)) / (d1 - d0);
  }
  return (points.at(-1) as readonly [number, number])[1];
}

const SOURCE_OF: Record<IndicatorId, string> = {
  gdp_growth: SOURCE_SYSTEMS.statistics,
  cpi: SOURCE_SYSTEMS.statistics,
  fdi: SOURCE_SYSTEMS.fdi,
  disbursement: SOURCE_SYSTEMS.disbursement,
  new_businesses: SOURCE_SYSTEMS.registrations,
};

const COUNTER_SOURCE: Record<LiveCounterPayload['metric'], string> = {
  new_businesses_today: SOURCE_SYSTEMS.registrations,
  public_services_today: SOURCE_SYSTEMS.publicServices,
  documents_processed_today: SOURCE_SYSTEMS.documents,
};
