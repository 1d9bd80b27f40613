// Which alarms a tile lists and in what order: most urgent first, then newest. Pure, unit-tested.
import type { Alarm, AlarmPriority } from '../../../src/domain/alarms/alarm-schema.js';

const PRIORITY_RANK: Readonly<Record<AlarmPriority, number>> = { emergency: 0, high: 1, medium: 2, low: 3 };

/** Unacknowledged ones (active or cleared) always; acknowledged active ones when asked; hidden ones never. */
export function openAlerts(alarms: readonly Alarm[], includeAcknowledged: boolean): Alarm[] {
  return alarms
    .filter((a) => a.state === 'unack' || a.state === 'rtnun' || (includeAcknowledged && a.state === 'acked'))
    .sort(
      (a, b) =>
        PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
        (b.activatedAt ?? 0) - (a.activatedAt ?? 0) ||
        a.id.localeCompare(b.id),
    );
}
