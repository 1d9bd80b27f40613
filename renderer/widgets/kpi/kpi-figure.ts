// The figure a KPI tile shows and where it comes from. Pure, so the aggregation over provinces is unit-tested.
import { z } from 'zod';
import { DEMO_SOURCE } from '../../../src/contract/hub-protocol.js';
import type { IndicatorId } from '../../../src/contract/topics.js';
import type { LatestValues } from '../../../src/domain/latest-values.js';
import { PROVINCES } from '../../../src/domain/provinces.js';
import { eventsOf, type TypedEvent } from '../../state/payloads';
import type { KpiSettings } from './kpi-settings';

export interface KpiFigure {
  readonly value: number;
  /** Source time of the newest contributing event. */
  readonly time: number;
  /** Distinct source systems, in order of first appearance. */
  readonly sources: readonly string[];
  /** Some contribution came from the demo source (envelope source `demo`): the provenance says so. */
  readonly demo: boolean;
  /** Newest reporting period among the contributions, if the payloads carry one. */
  readonly period: string | null;
  readonly status: 'official' | 'preliminary' | 'mixed' | null;
  readonly preliminary: number;
  /** How many values went in, and out of how many expected (null: a single key). */
  readonly count: number;
  readonly total: number | null;
}

/** Each province's latest value of one indicator, summed or averaged. Null when no province reported it. */
export function aggregateIndicator(
  events: readonly TypedEvent<'econ.indicators'>[],
  indicator: IndicatorId,
  aggregate: 'mean' | 'sum',
): KpiFigure | null {
  // Keys are per province and indicator today; keep the newest per province anyway, so that a key scheme with
  // several keys per province could not count one province twice.
  const byProvince = new Map<string, TypedEvent<'econ.indicators'>>();
  for (const event of events) {
    if (event.payload.indicator !== indicator) continue;
    const held = byProvince.get(event.payload.province);
    if (!held || held.envelope.offset < event.envelope.offset) byProvince.set(event.payload.province, event);
  }
  const chosen = [...byProvince.values()];
  if (chosen.length === 0) return null;
  let sum = 0;
  let time = 0;
  let preliminary = 0;
  let period: string | null = null;
  const sources: string[] = [];
  let demo = false;
  for (const { envelope, payload } of chosen) {
    demo ||= envelope.source === DEMO_SOURCE;
    sum += payload.value;
    time = Math.max(time, envelope.time);
    if (payload.status === 'preliminary') preliminary++;
    if (period === null || payload.period > period) period = payload.period;
    if (!sources.includes(payload.sourceSystem)) sources.push(payload.sourceSystem);
  }
  return {
    value: aggregate === 'sum' ? sum : sum / chosen.length,
    time,
    sources,
    demo,
    period,
    status: preliminary === 0 ? 'official' : preliminary === chosen.length ? 'preliminary' : 'mixed',
    preliminary,
    count: chosen.length,
    total: PROVINCES.length,
  };
}

/** What a single-key KPI reads from any topic's payload: a number, and provenance when the payload has it. */
const ValuePayload = z.object({
  value: z.number().finite(),
  sourceSystem: z.string().optional(),
  period: z.string().optional(),
  status: z.enum(['preliminary', 'official']).optional(),
});

/** The figure of one key; throws when that key's payload has no numeric `value`. */
export function keyFigure(values: LatestValues, topic: string, key: string): KpiFigure | null {
  const envelope = values.get(topic, key);
  if (!envelope) return null;
  const parsed = ValuePayload.safeParse(envelope.payload);
  // The key exists but holds no figure: the tile points at the wrong thing, which is an error, not "waiting".
  if (!parsed.success) throw new Error(`"${topic}" / "${key}" has no numeric payload.value`);
  const p = parsed.data;
  return {
    value: p.value,
    time: envelope.time,
    sources: [p.sourceSystem ?? envelope.source],
    demo: envelope.source === DEMO_SOURCE,
    period: p.period ?? null,
    status: p.status ?? null,
    preliminary: p.status === 'preliminary' ? 1 : 0,
    count: 1,
    total: null,
  };
}

export function kpiFigure(settings: KpiSettings, values: LatestValues): KpiFigure | null {
  return settings.mode === 'aggregate'
    ? aggregateIndicator(eventsOf(values, 'econ.indicators'), settings.indicator, settings.aggregate)
    : keyFigure(values, settings.topic, settings.key);
}
