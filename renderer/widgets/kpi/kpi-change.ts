// A KPI's change against the previous period and its recent course (the sparkline), both from history. Pure.
// "Previous period" is the newest figure of the latest reporting period before the current one; payloads with
// no period (live counters) are compared with their value `compareMinutes` ago instead, and the text says which.
import { z } from 'zod';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { type IndicatorId, IndicatorPayload } from '../../../src/contract/topics.js';
import type { Point } from '../../charts/value-points';
import type { KpiFigure } from './kpi-figure';

type ChangeBasis = { kind: 'period'; period: string } | { kind: 'minutes'; minutes: number };

export interface KpiChange {
  readonly previous: number;
  /** current − previous. */
  readonly delta: number;
  /** delta / |previous| in percent; null when previous is zero. */
  readonly percent: number | null;
  readonly basis: ChangeBasis;
}

const KeyPayload = z.object({ value: z.number().finite(), period: z.string().optional() });

/** Periods compare as strings only within one form: months with months, quarters with quarters. */
function samePeriodForm(a: string, b: string): boolean {
  // The letter after the year says month (none), quarter (Q), half (H) or year (Y).
  return a.replace(/[\d-]/g, '') === b.replace(/[\d-]/g, '');
}

function change(current: number, previous: number, basis: ChangeBasis): KpiChange {
  const delta = current - previous;
  return { previous, delta, percent: previous === 0 ? null : (delta / Math.abs(previous)) * 100, basis };
}

/** Change of a single key's figure, from that key's history (oldest first). */
export function keyChange(history: readonly Envelope[], current: KpiFigure, compareMinutes: number): KpiChange | null {
  const parsed = history.flatMap((e) => {
    const p = KeyPayload.safeParse(e.payload);
    return p.success ? [{ time: e.time, ...p.data }] : [];
  });
  if (current.period !== null) {
    const now = current.period;
    let best: { value: number; period: string } | null = null;
    for (const p of parsed) {
      if (p.period === undefined || !samePeriodForm(p.period, now) || p.period >= now) continue;
      // Later events of the same period are revisions: the newest wins, and a later period beats an earlier one.
      if (best === null || p.period >= best.period) best = { value: p.value, period: p.period };
    }
    if (best) return change(current.value, best.value, { kind: 'period', period: best.period });
  }
  const cutoff = current.time - compareMinutes * 60_000;
  const baseline = parsed.filter((p) => p.time <= cutoff).at(-1);
  return baseline ? change(current.value, baseline.value, { kind: 'minutes', minutes: compareMinutes }) : null;
}

interface ProvinceFigure {
  value: number;
  period: string;
  time: number;
}

function aggregate(values: readonly number[], how: 'mean' | 'sum'): number {
  const sum = values.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / values.length;
}

function indicatorEvents(
  history: readonly Envelope[],
  indicator: IndicatorId,
): Array<ProvinceFigure & { province: string }> {
  return history.flatMap((e) => {
    const p = IndicatorPayload.safeParse(e.payload);
    return p.success && p.data.indicator === indicator
      ? [{ province: p.data.province, value: p.data.value, period: p.data.period, time: e.time }]
      : [];
  });
}

/**
 * Change of an aggregate over provinces. Compared only when as many provinces reported before as now: a mean or
 * sum over another set of provinces would show a change that did not happen.
 */
export function aggregateChange(
  history: readonly Envelope[],
  indicator: IndicatorId,
  how: 'mean' | 'sum',
  current: KpiFigure,
  compareMinutes: number,
): KpiChange | null {
  const events = indicatorEvents(history, indicator);
  if (current.period !== null) {
    const now = current.period;
    const byProvince = new Map<string, ProvinceFigure>();
    for (const e of events) {
      if (!samePeriodForm(e.period, now) || e.period >= now) continue;
      const held = byProvince.get(e.province);
      if (!held || e.period >= held.period) byProvince.set(e.province, e);
    }
    if (byProvince.size > 0 && byProvince.size === current.count) {
      const figures = [...byProvince.values()];
      const period = figures.reduce((p, f) => (f.period > p ? f.period : p), figures[0]?.period ?? now);
      return change(
        current.value,
        aggregate(
          figures.map((f) => f.value),
          how,
        ),
        { kind: 'period', period },
      );
    }
  }
  const cutoff = current.time - compareMinutes * 60_000;
  const byProvince = new Map<string, number>();
  for (const e of events) if (e.time <= cutoff) byProvince.set(e.province, e.value);
  if (byProvince.size === 0 || byProvince.size !== current.count) return null;
  return change(current.value, aggregate([...byProvince.values()], how), { kind: 'minutes', minutes: compareMinutes });
}

/** The aggregate after each event, from the moment every province of the current figure has reported. */
export function aggregateCourse(
  history: readonly Envelope[],
  indicator: IndicatorId,
  how: 'mean' | 'sum',
  provinces: number,
): Point[] {
  const latest = new Map<string, number>();
  const out: Point[] = [];
  for (const e of indicatorEvents(history, indicator)) {
    latest.set(e.province, e.value);
    if (latest.size < provinces) continue;
    const point: Point = [e.time, aggregate([...latest.values()], how)];
    // Provinces reported together (one batch, one time): one point, the state after all of them.
    if (out.at(-1)?.[0] === e.time) out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}
