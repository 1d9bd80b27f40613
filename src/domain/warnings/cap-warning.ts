// A checked CAP alert as the warning the wall shows: the Vietnamese info block when there is one, its priority on
// our scale, and each area with the provinces it touches. An Update or Cancel carries the key of the warning it
// changes — the identifier of the oldest message it references, which CAP senders list in every later message —
// so the latest event of that key is the warning as it now stands.
import type { Alarm } from '../alarms/alarm-schema.js';
import { type ProvinceIndex, provincesOfCircle, provincesOfPolygon } from '../geo/area-provinces.js';
import { PROVINCE_CODES } from '../provinces.js';
import type { CapAlert, CapArea, CapInfo } from './cap-alert.js';
import { capPriority } from './cap-priority.js';
import { provinceOfGeocode } from './geocode-province.js';
import type { WarningArea, WarningPayload } from './warning-schema.js';

/** The warning's key: the oldest referenced identifier for an Update or Cancel, else its own. */
export function warningKey(alert: CapAlert): string {
  const refs = alert.references ?? [];
  if (alert.msgType === 'Alert' || refs.length === 0) return alert.identifier;
  return refs.reduce((oldest, ref) => (ref.sent < oldest.sent ? ref : oldest)).identifier;
}

/** The Vietnamese info block, else the first. */
function chosenInfo(alert: CapAlert): CapInfo | undefined {
  return alert.info.find((i) => i.language.toLowerCase().startsWith('vi')) ?? alert.info[0];
}

function sortedProvinces(codes: Iterable<string>): string[] {
  const set = new Set(codes);
  return PROVINCE_CODES.filter((c) => set.has(c));
}

function warningArea(area: CapArea, index: ProvinceIndex): WarningArea {
  const codes: string[] = [];
  for (const ring of area.polygon) codes.push(...provincesOfPolygon(ring, index));
  for (const circle of area.circle) codes.push(...provincesOfCircle(circle.centre, circle.radiusKm, index));
  for (const geocode of area.geocode) {
    const code = provinceOfGeocode(geocode.value);
    if (code) codes.push(code);
  }
  return {
    description: area.areaDesc,
    polygons: area.polygon,
    circles: area.circle,
    provinces: sortedProvinces(codes),
  };
}

/**
 * The warning after `alert`. A Cancel without an info block keeps what the cancelled warning said (`previous`),
 * or, when that is not known, says only that it was cancelled.
 */
export function capWarning(alert: CapAlert, index: ProvinceIndex, previous?: WarningPayload): WarningPayload {
  const info = chosenInfo(alert);
  const state = alert.msgType === 'Cancel' ? 'cancelled' : 'active';
  const common = {
    id: alert.identifier,
    sender: alert.sender,
    sentAt: alert.sent,
    msgType: alert.msgType,
    state,
  } as const;
  if (!info) {
    return {
      ...(previous ?? {
        event: 'Cancel',
        headline: `Đã hủy cảnh báo ${warningKey(alert)}`,
        priority: 'low',
        severity: 'Unknown',
        urgency: 'Unknown',
        certainty: 'Unknown',
        areas: [],
        provinces: [],
        expiresAt: null,
        sourceSystem: alert.sender,
      }),
      ...common,
    };
  }
  const areas = info.area.map((a) => warningArea(a, index));
  return {
    ...common,
    event: info.event,
    headline: info.headline ?? info.event,
    ...(info.description === undefined ? {} : { description: info.description }),
    ...(info.instruction === undefined ? {} : { instruction: info.instruction }),
    priority: capPriority(info.severity, info.urgency, info.certainty),
    severity: info.severity,
    urgency: info.urgency,
    certainty: info.certainty,
    areas,
    provinces: sortedProvinces(areas.flatMap((a) => a.provinces)),
    expiresAt: info.expires ?? null,
    sourceSystem: info.senderName ?? alert.sender,
  };
}

/** The alarm's area: the one province a warning touches, else national (null). */
export function warningAlarmArea(warning: WarningPayload): Alarm['area'] {
  return { province: warning.provinces.length === 1 ? warning.provinces[0]! : null, unit: null };
}
