import { describe, expect, it } from 'vitest';
import { Envelope, KNOWN_TOPICS } from '../src/contract/hub-protocol.js';
import type { IndicatorPayload, LiveCounterPayload, TaskPayload } from '../src/contract/topics.js';
import { PROVINCES } from '../src/domain/provinces.js';
import { ECONOMIC_WEIGHT } from './demo-catalog.js';
import { DemoSource, type DemoEvent } from './demo-source.js';
import { demoRuleEvents } from './demo-rules.js';

/** A moment on the room's clock (Vietnam, UTC+7). */
const vn = (local: string): number => Date.parse(`${local}+07:00`);

function run(seed: number, ticks: number, start = Date.UTC(2026, 10, 27, 1, 0, 0)) {
  let now = start;
  const src = new DemoSource({ seed, clock: () => now });
  const events = src.initial();
  for (let i = 0; i < ticks; i++) {
    now += 250;
    events.push(...src.tick());
  }
  return events;
}

/** The latest figure of each province for one indicator, at the end of a run. */
function latest(events: readonly DemoEvent[], indicator: string): IndicatorPayload[] {
  const byKey = new Map<string, IndicatorPayload>();
  for (const e of events) {
    if (e.topic === 'econ.indicators' && e.key.endsWith(`:${indicator}`))
      byKey.set(e.key, e.payload as IndicatorPayload);
  }
  return [...byKey.values()];
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function counterAt(local: string, metric: LiveCounterPayload['metric'] = 'new_businesses_today'): number {
  const at = run(2025, 0, vn(local)).filter((e) => e.key === metric);
  return (at.at(-1)?.payload as LiveCounterPayload).value;
}

describe('demo source', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(run(7, 400)).toEqual(run(7, 400));
    expect(run(8, 400)).not.toEqual(run(7, 400));
  });

  it('numbers its new alarms after those already in the log when it starts again on it', () => {
    let now = Date.UTC(2026, 10, 27, 1, 0, 0);
    const src = new DemoSource({ seed: 2025, clock: () => now });
    const seen = new Set(src.initial().map((e) => e.key));
    src.continueAlarmNumbers(['CB-00042', 'CB-00007', 'rule:cpi:01', 'CB-x']);
    const raised: string[] = [];
    for (let i = 0; i < 5000 && raised.length < 2; i++) {
      now += 250;
      for (const e of src.tick()) {
        if (e.topic === 'ops.alerts' && !seen.has(e.key)) raised.push(e.key);
        seen.add(e.key);
      }
    }
    expect(raised).toEqual(['CB-00043', 'CB-00044']);
  });

  it('produces only valid events, on every known topic (with the demo hub alarm rules)', () => {
    const events = [...run(2025, 2000), ...demoRuleEvents(Date.UTC(2026, 10, 27, 1, 0, 0))];
    events.forEach((e, i) => {
      const parsed = Envelope.safeParse({ ...e, offset: i + 1 });
      expect(parsed.success, JSON.stringify(e)).toBe(true);
    });
    // Not the demo's to write: warnings come from CAP connectors, responses from the choreographer, briefings from
    // leaders.
    const elsewhere = ['ops.warnings', 'wall.responses', 'briefing.briefings', 'briefing.state'];
    expect(new Set(events.map((e) => e.topic))).toEqual(new Set(KNOWN_TOPICS.filter((t) => !elsewhere.includes(t))));
  });

  it('starts with every indicator of each of the 34 provinces, after its previous period', () => {
    const initial = run(1, 0).filter((e) => e.topic === 'econ.indicators');
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(initial.map((e) => e.key)).size).toBe(34 * 5);
    for (const key of new Set(initial.map((e) => e.key))) {
      const periods = initial.filter((e) => e.key === key).map((e) => (e.payload as IndicatorPayload).period);
      expect(periods, key).toHaveLength(2);
      expect(periods[0]! < periods[1]!, key).toBe(true);
    }
  });

  it('starts the live counters with two hours of history, so a tile can compare with an hour ago', () => {
    const now = vn('2026-11-26T14:00:00');
    const biz = run(1, 0, now).filter((e) => e.key === 'new_businesses_today');
    expect(biz[0]!.time).toBeLessThanOrEqual(now - 60 * 60_000);
    expect(biz.at(-1)!.time).toBe(now);
    // Shortly after midnight, only today's part: the history of a counter of the day never falls.
    const early = run(1, 0, vn('2026-11-27T00:30:00')).filter((e) => e.key === 'new_businesses_today');
    expect(early[0]!.time).toBeGreaterThanOrEqual(vn('2026-11-27T00:00:00'));
  });

  it('publishes GRDP by quarter (the last one ended) and the other indicators by month', () => {
    const events = run(4, 4000, vn('2026-05-12T10:00:00'));
    const periods = (indicator: string) => [...new Set(latest(events, indicator).map((p) => p.period))].sort();
    expect(periods('gdp_growth')).toEqual(['2026-Q1']);
    for (const indicator of ['cpi', 'fdi', 'disbursement', 'new_businesses']) {
      expect(periods(indicator), indicator).toEqual(['2026-05']);
    }
    const grdp = events.filter((e) => e.key.endsWith(':gdp_growth'));
    expect(grdp.map((e) => (e.payload as IndicatorPayload).period).every((p) => /^\d{4}-Q[1-4]$/.test(p))).toBe(true);
  });

  it('disburses public investment along the year: slow to June, steep at the end, from zero in January', () => {
    const national = (local: string): number =>
      mean(latest(run(2025, 0, vn(local)), 'disbursement').map((p) => p.value));
    expect(national('2026-01-10T10:00:00')).toBeLessThan(3);
    expect(national('2026-03-31T17:00:00')).toBeGreaterThanOrEqual(10);
    expect(national('2026-03-31T17:00:00')).toBeLessThanOrEqual(15);
    expect(national('2026-06-30T17:00:00')).toBeGreaterThanOrEqual(30);
    expect(national('2026-06-30T17:00:00')).toBeLessThanOrEqual(35);
    expect(national('2026-09-30T17:00:00')).toBeGreaterThanOrEqual(50);
    expect(national('2026-09-30T17:00:00')).toBeLessThanOrEqual(60);
    expect(national('2026-12-31T17:00:00')).toBeGreaterThanOrEqual(80);
    expect(national('2026-12-31T17:00:00')).toBeLessThanOrEqual(95);
    // January compares with where December ended, not with a random figure.
    const january = run(2025, 0, vn('2026-01-10T10:00:00')).filter((e) => e.key.endsWith(':disbursement'));
    const december = january.filter((e) => (e.payload as IndicatorPayload).period === '2025-12');
    expect(mean(december.map((e) => (e.payload as IndicatorPayload).value))).toBeGreaterThan(80);
  });

  it('sums registered FDI to about 3 billion USD a month, little of it in the northern mountains', () => {
    for (const seed of [1, 2025, 77]) {
      const fdi = latest(run(seed, 2000), 'fdi');
      const total = sum(fdi.map((p) => p.value));
      expect(total, `seed ${seed}`).toBeGreaterThan(2000);
      expect(total, `seed ${seed}`).toBeLessThan(4500);
      for (const mountain of ['04', '11', '12']) {
        expect(fdi.find((p) => p.province === mountain)!.value / total).toBeLessThan(0.01);
      }
    }
    expect(Object.keys(ECONOMIC_WEIGHT).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
  });

  it('cites the publisher of each series', () => {
    const sources = new Map(
      run(1, 0).flatMap((e) => (e.topic === 'econ.indicators' ? [[e.key.slice(3), e.payload]] : [])),
    );
    expect((sources.get('fdi') as IndicatorPayload).sourceSystem).toBe('Cục Đầu tư nước ngoài (Bộ Tài chính)');
    expect((sources.get('new_businesses') as IndicatorPayload).sourceSystem).toBe(
      'Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
    );
  });

  it('counts new businesses at the national pace, hundreds a day, from 0 at midnight in Vietnam', () => {
    const working = counterAt('2026-11-26T23:59:00'); // a Thursday
    expect(working).toBeGreaterThan(300);
    expect(working).toBeLessThan(1500);
    expect(counterAt('2026-11-27T00:30:00')).toBeLessThan(10);
    expect(counterAt('2026-11-27T06:59:00')).toBeLessThan(50);
    expect(counterAt('2026-11-27T12:00:00')).toBeGreaterThan(counterAt('2026-11-27T06:59:00'));
    expect(counterAt('2026-11-29T23:59:00')).toBeLessThan(working / 3); // a Sunday
  });

  it('live counters only grow within a day', () => {
    const counters = run(3, 5000, vn('2026-11-26T09:00:00')).filter((e) => e.topic === 'econ.live');
    const last = new Map<string, number>();
    for (const e of counters.filter((c) => c.time >= vn('2026-11-26T09:00:00'))) {
      const v = (e.payload as { value: number }).value;
      expect(v).toBeGreaterThanOrEqual(last.get(e.key) ?? 0);
      last.set(e.key, v);
    }
  });

  it.each(['00:30', '06:59'])('dates periods and tasks by the Vietnamese calendar at %s, not UTC', (time) => {
    // 1 April in Vietnam is still 31 March in UTC until 07:00.
    const events = run(5, 0, vn(`2026-04-01T${time}:00`));
    expect(latest(events, 'cpi').every((p) => p.period === '2026-04')).toBe(true);
    expect(latest(events, 'gdp_growth').every((p) => p.period === '2026-Q1')).toBe(true);
    const tasks = events.filter((e) => e.topic === 'gov.tasks').map((e) => e.payload as TaskPayload);
    const completed = tasks.filter((t) => t.completedOn !== undefined);
    expect(completed.length).toBeGreaterThan(0);
    for (const t of completed) expect(t.completedOn).toBe('2026-04-01');
    for (const t of tasks) expect(t.status === 'overdue' || t.status === 'done_late').toBe(t.dueDate < '2026-04-01');
  });
});
