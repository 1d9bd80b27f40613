// Which alarms a tile lists and in what order: most urgent first, then newest. Pure, unit-tested.
import { type Alarm, type AlarmPriority, isHidden } from '../../../src/domain/alarms/alarm-schema.js';
import type { AlertsSettings } from './alerts-settings';

const PRIORITY_RANK: Readonly<Record<AlarmPriority, number>> = { emergency: 0, high: 1, medium: 2, low: 3 };
const MAJOR: readonly AlarmPriority[] = ['emergency', 'high'];

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

export interface TileAlerts {
  listed: Alarm[];
  /** Shelved, suppressed or out of service among those the tile would show: counted, never listed. */
  hidden: number;
}

/** What one tile lists under its settings (`show`: all, only acknowledged, only Khẩn cấp and Nghiêm trọng). */
export function tileAlerts(
  alarms: readonly Alarm[],
  settings: Pick<AlertsSettings, 'show' | 'includeAcknowledged'>,
): TileAlerts {
  const mine = settings.show === 'major' ? alarms.filter((a) => MAJOR.includes(a.priority)) : alarms;
  const hidden = mine.filter((a) => isHidden(a.state)).length;
  if (settings.show === 'acknowledged') {
    return { listed: openAlerts(mine, true).filter((a) => a.state === 'acked'), hidden };
  }
  return { listed: openAlerts(mine, settings.includeAcknowledged), hidden };
}
