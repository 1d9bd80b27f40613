// What the alarm desk lists and in what order: the filters, priority then age, the counts by priority, and in a
// flood the alarms grouped by rule and area. Pure, unit-tested.
import type { ActivationRecord } from '../../../src/domain/alarms/alarm-metrics.js';
import type { Alarm, AlarmPriority, AlarmState } from '../../../src/domain/alarms/alarm-schema.js';

const PRIORITY_RANK: Readonly<Record<AlarmPriority, number>> = { emergency: 0, high: 1, medium: 2, low: 3 };

/** What the desk shows unless the operator asks for other states: the alarms that want someone's attention. */
const OPEN_STATES: readonly AlarmState[] = ['unack', 'acked', 'rtnun'];

export interface DeskFilter {
  /** Empty: every priority. */
  readonly priorities: readonly AlarmPriority[];
  /** A province code, or null for every area. */
  readonly province: string | null;
  /** Empty: the open states. */
  readonly states: readonly AlarmState[];
  readonly ruleId: string | null;
  /** Words the title, id or unit must contain (case and diacritics ignored). */
  readonly text: string;
}

export const NO_FILTER: DeskFilter = { priorities: [], province: null, states: [], ruleId: null, text: '' };

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function matchesFilter(alarm: Alarm, filter: DeskFilter): boolean {
  const states = filter.states.length > 0 ? filter.states : OPEN_STATES;
  if (!states.includes(alarm.state)) return false;
  if (filter.priorities.length > 0 && !filter.priorities.includes(alarm.priority)) return false;
  if (filter.province !== null && alarm.area.province !== filter.province) return false;
  if (filter.ruleId !== null && alarm.ruleId !== filter.ruleId) return false;
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${alarm.title} ${alarm.id} ${alarm.area.unit ?? ''} ${alarm.assignedUnit ?? ''}`);
  return words.every((w) => haystack.includes(w));
}

/** Most urgent first; within a priority the newest activation first; the id settles ties. */
function compareDesk(a: Alarm, b: Alarm): number {
  return (
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    (b.activatedAt ?? 0) - (a.activatedAt ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function deskList(alarms: readonly Alarm[], filter: DeskFilter): Alarm[] {
  return alarms.filter((a) => matchesFilter(a, filter)).sort(compareDesk);
}

export type PriorityCounts = Readonly<Record<AlarmPriority, number>>;

/** Open alarms by priority, whatever the filter: the counts stay visible while the operator narrows the list. */
export function priorityCounts(alarms: readonly Alarm[]): PriorityCounts {
  const counts = { emergency: 0, high: 0, medium: 0, low: 0 };
  for (const a of alarms) if (OPEN_STATES.includes(a.state)) counts[a.priority]++;
  return counts;
}

/** Every activation the records tell of: each alarm's timeline keeps its recent activations. */
export function activationsOf(alarms: readonly Alarm[]): ActivationRecord[] {
  const out: ActivationRecord[] = [];
  for (const a of alarms) {
    let any = false;
    for (const t of a.timeline) {
      if (t.event !== 'condition-active') continue;
      out.push({ alarmId: a.id, at: t.at, priority: a.priority });
      any = true;
    }
    // A timeline trimmed past its activations still has the latest one in the record.
    if (!any && a.activatedAt !== null) out.push({ alarmId: a.id, at: a.activatedAt, priority: a.priority });
  }
  return out;
}

export interface FloodGroup {
  readonly key: string;
  readonly ruleId: string;
  readonly province: string | null;
  /** The most urgent priority among its alarms. */
  readonly priority: AlarmPriority;
  readonly unacknowledged: number;
  /** In desk order. */
  readonly alarms: readonly Alarm[];
}

/** Flood mode: one group per rule and area, the most important first (priority, then unacknowledged, then size). */
export function floodGroups(sorted: readonly Alarm[]): FloodGroup[] {
  const groups = new Map<string, Alarm[]>();
  for (const a of sorted) {
    const key = `${a.ruleId}|${a.area.province ?? '-'}`;
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  return [...groups]
    .map(([key, alarms]) => ({
      key,
      ruleId: alarms[0]!.ruleId,
      province: alarms[0]!.area.province,
      priority: alarms[0]!.priority,
      unacknowledged: alarms.filter((a) => a.state === 'unack' || a.state === 'rtnun').length,
      alarms,
    }))
    .sort(
      (a, b) =>
        PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
        b.unacknowledged - a.unacknowledged ||
        b.alarms.length - a.alarms.length ||
        (a.key < b.key ? -1 : 1),
    );
}

/** The ids of new emergency alarms still unacknowledged: what sounds and flashes. */
export function unackedEmergencies(alarms: readonly Alarm[]): string[] {
  return alarms
    .filter((a) => a.priority === 'emergency' && (a.state === 'unack' || a.state === 'rtnun'))
    .map((a) => a.id);
}
