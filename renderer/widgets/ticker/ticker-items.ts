// What a ticker of alerts says: the newest unresolved alerts, each with its severity and where. Pure, unit-tested.
import type { AlertPayload, AlertSeverity } from '../../../src/contract/topics.js';

export interface TickerItem {
  readonly id: string;
  readonly text: string;
  readonly severity: AlertSeverity | null;
}

export function alertTickerItems(
  alerts: readonly AlertPayload[],
  limit: number,
  placeName: (provinceCode: string) => string,
): TickerItem[] {
  return alerts
    .filter((a) => a.state !== 'resolved')
    .sort((a, b) => b.raisedAt - a.raisedAt || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((a) => ({ id: a.id, severity: a.severity, text: `${a.title} — ${placeName(a.province)}` }));
}

export function staticTickerItems(items: readonly string[]): TickerItem[] {
  return items.map((text, i) => ({ id: `item-${i}`, text, severity: null }));
}
