// What a ticker of alerts says: the newest alarms that are shown (active or not yet acknowledged), each with its
// priority and where. Pure, unit-tested.
import type { Alarm, AlarmPriority } from '../../../src/domain/alarms/alarm-schema.js';

export interface TickerItem {
  readonly id: string;
  readonly text: string;
  readonly priority: AlarmPriority | null;
}

export function alertTickerItems(
  alarms: readonly Alarm[],
  limit: number,
  placeName: (provinceCode: string | null) => string,
): TickerItem[] {
  return alarms
    .filter((a) => a.state === 'unack' || a.state === 'acked' || a.state === 'rtnun')
    .sort((a, b) => (b.activatedAt ?? 0) - (a.activatedAt ?? 0) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((a) => ({ id: a.id, priority: a.priority, text: `${a.title} — ${placeName(a.area.province)}` }));
}

export function staticTickerItems(items: readonly string[]): TickerItem[] {
  return items.map((text, i) => ({ id: `item-${i}`, text, priority: null }));
}
