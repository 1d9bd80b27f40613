// Which alerts a tile lists and in what order: most severe first, then newest. Pure, unit-tested.
import type { AlertPayload, AlertSeverity } from '../../../src/contract/topics.js';

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 0, major: 1, minor: 2, info: 3 };

export function openAlerts(alerts: readonly AlertPayload[], includeAcknowledged: boolean): AlertPayload[] {
  return alerts
    .filter((a) => a.state === 'active' || (includeAcknowledged && a.state === 'acknowledged'))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.raisedAt - a.raisedAt || a.id.localeCompare(b.id),
    );
}
