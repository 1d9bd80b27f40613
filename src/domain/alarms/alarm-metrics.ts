// Alarm load as ISA-18.2 / IEC 62682 (and EEMUA 191) measure it: is the desk in a flood, which alarms chatter,
// and the performance figures of a period, each against the standard's target. Pure: the hub or the console hands
// in the activations (which alarm, when, what priority) and the alarms active now.
import { ALARM_PRIORITIES, type AlarmPriority } from './alarm-schema.js';

export interface ActivationRecord {
  /** The alarm (one per dedup key): chattering and the most frequent alarms are counted per alarm. */
  readonly alarmId: string;
  readonly at: number;
  readonly priority: AlarmPriority;
}

export interface ActiveAlarm {
  readonly alarmId: string;
  readonly activeSince: number;
}

const MINUTE = 60_000;
/** A flood: more than 10 activations within 10 minutes. */
const FLOOD = { moreThan: 10, windowMs: 10 * MINUTE } as const;
/** A chattering alarm: 3 or more activations of the same alarm within 1 minute. */
const CHATTER = { atLeast: 3, windowMs: MINUTE } as const;
const PERIOD = 10 * MINUTE;
const STANDING_MS = 24 * 60 * MINUTE;

/**
 * ISA-18.2 table of alarm-system performance (per operator position): about 1 alarm per 10 min is very likely
 * acceptable and 2 the most manageable; at most 10 in any 10 min; under 1 % of the time in flood; the ten most
 * frequent alarms at most 1–5 % of the load; no chattering alarms; fewer than 5 standing (stale) alarms; with four
 * priorities about 80 % low, 15 % medium, 5 % high and under 1 % of the highest.
 */
export const ISA_18_2_TARGETS = {
  averagePer10Min: { acceptable: 1, manageable: 2 },
  peakPer10Min: 10,
  floodPercent: 1,
  topTenPercent: 5,
  chattering: 0,
  standingFewerThan: 5,
  priorityPercent: { emergency: 1, high: 5, medium: 15, low: 80 },
} as const;

/** ok: meets the target; manageable: within the standard's upper bound; over: beyond it. */
export type Verdict = 'ok' | 'manageable' | 'over' | 'no-data';

interface Figure {
  readonly value: number;
  readonly verdict: Verdict;
}

export interface AlarmPerformance {
  readonly from: number;
  readonly to: number;
  readonly total: number;
  readonly averagePer10Min: Figure;
  readonly peakPer10Min: Figure;
  readonly floodPercent: Figure;
  readonly standing: Figure & { readonly alarmIds: readonly string[] };
  readonly topTen: Figure & { readonly alarms: readonly { alarmId: string; count: number }[] };
  readonly chattering: Figure & { readonly alarmIds: readonly string[] };
  /** Share of each priority in %, most urgent first; `verdict` is ok when no urgent priority is above its share. */
  readonly priorities: { readonly percent: Readonly<Record<AlarmPriority, number>>; readonly verdict: Verdict };
}

const within = (records: readonly ActivationRecord[], from: number, to: number) =>
  records.filter((r) => r.at > from && r.at <= to);

/** Whether the desk is in a flood at `now`: more than 10 activations in the last 10 minutes. */
export function isFlood(activations: readonly ActivationRecord[], now: number): boolean {
  return within(activations, now - FLOOD.windowMs, now).length > FLOOD.moreThan;
}

/** The alarms chattering at `now`: 3 or more activations in the last minute. */
export function chatteringNow(activations: readonly ActivationRecord[], now: number): string[] {
  const counts = countBy(within(activations, now - CHATTER.windowMs, now));
  return [...counts].filter(([, n]) => n >= CHATTER.atLeast).map(([id]) => id);
}

function countBy(records: readonly ActivationRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.alarmId, (counts.get(r.alarmId) ?? 0) + 1);
  return counts;
}

/** Time in flood within [from, to): each run of 11 activations closer than 10 min floods until the first is 10 min old. */
function floodMs(sorted: readonly number[], from: number, to: number): number {
  let total = 0;
  let end = -Infinity;
  const span = FLOOD.moreThan;
  for (let i = span; i < sorted.length; i++) {
    const start = Math.max(sorted[i]!, from, end);
    const stop = Math.min(sorted[i - span]! + FLOOD.windowMs, to);
    if (stop > start) {
      total += stop - start;
      end = stop;
    }
  }
  return total;
}

function chattered(records: readonly ActivationRecord[]): string[] {
  const times = new Map<string, number[]>();
  for (const r of records) (times.get(r.alarmId) ?? times.set(r.alarmId, []).get(r.alarmId)!).push(r.at);
  const ids: string[] = [];
  for (const [id, list] of times) {
    list.sort((a, b) => a - b);
    const n = CHATTER.atLeast - 1;
    if (list.some((t, i) => i >= n && t - list[i - n]! < CHATTER.windowMs)) ids.push(id);
  }
  return ids.sort();
}

const atMost = (value: number, bound: number): Verdict => (value <= bound ? 'ok' : 'over');
const round = (v: number): number => Math.round(v * 100) / 100;

/**
 * The ISA-18.2 figures of [from, to) (24 h, 7 days): `activations` may hold more (the flood count looks 10 min
 * before `from`); `active` are the alarms active at `to`, for the standing count.
 */
export function alarmPerformance(
  activations: readonly ActivationRecord[],
  active: readonly ActiveAlarm[],
  window: { from: number; to: number },
): AlarmPerformance {
  const { from, to } = window;
  const inWindow = activations.filter((r) => r.at >= from && r.at < to);
  const total = inWindow.length;
  const T = ISA_18_2_TARGETS;

  const buckets = new Map<number, number>();
  for (const r of inWindow) {
    const b = Math.floor((r.at - from) / PERIOD);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  const average = (total * PERIOD) / Math.max(to - from, 1);
  const peak = Math.max(0, ...buckets.values());

  const floodSource = activations
    .filter((r) => r.at > from - FLOOD.windowMs && r.at < to)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  const flood = (floodMs(floodSource, from, to) / Math.max(to - from, 1)) * 100;

  const ranked = [...countBy(inWindow)].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const top = ranked.slice(0, 10).map(([alarmId, count]) => ({ alarmId, count }));
  const topShare = total === 0 ? 0 : (top.reduce((s, a) => s + a.count, 0) / total) * 100;

  const standing = active
    .filter((a) => to - a.activeSince > STANDING_MS)
    .map((a) => a.alarmId)
    .sort();
  const chatter = chattered(inWindow);

  const percent = Object.fromEntries(
    ALARM_PRIORITIES.map((p) => [
      p,
      total === 0 ? 0 : round((inWindow.filter((r) => r.priority === p).length / total) * 100),
    ]),
  ) as Record<AlarmPriority, number>;
  const urgent = ['emergency', 'high', 'medium'] as const;

  return {
    from,
    to,
    total,
    averagePer10Min: {
      value: round(average),
      verdict:
        average <= T.averagePer10Min.acceptable
          ? 'ok'
          : average <= T.averagePer10Min.manageable
            ? 'manageable'
            : 'over',
    },
    peakPer10Min: { value: peak, verdict: atMost(peak, T.peakPer10Min) },
    floodPercent: { value: round(flood), verdict: flood < T.floodPercent ? 'ok' : 'over' },
    standing: {
      value: standing.length,
      verdict: standing.length < T.standingFewerThan ? 'ok' : 'over',
      alarmIds: standing,
    },
    topTen: {
      value: round(topShare),
      verdict: total === 0 ? 'no-data' : atMost(topShare, T.topTenPercent),
      alarms: top,
    },
    chattering: { value: chatter.length, verdict: atMost(chatter.length, T.chattering), alarmIds: chatter },
    priorities: {
      percent,
      verdict: total === 0 ? 'no-data' : urgent.every((p) => percent[p] <= T.priorityPercent[p]) ? 'ok' : 'over',
    },
  };
}
