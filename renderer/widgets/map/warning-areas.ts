// The areas of the warnings in force (ops.warnings), as the map draws them: each polygon as it came, each circle
// as a 48-sided ring, outlined in the colour of the warning's priority, with the headline at its first area.
import type { AlarmPriority } from '../../../src/domain/alarms/alarm-schema.js';
import type { WarningPayload } from '../../../src/domain/warnings/warning-schema.js';

type LonLat = [number, number];

export interface WarningPart {
  readonly id: string;
  readonly priority: AlarmPriority;
  readonly ring: LonLat[];
}

export interface WarningLabel {
  readonly id: string;
  readonly position: readonly [number, number];
  readonly text: string;
}

const KM_PER_DEGREE = 111.32;
const CIRCLE_SIDES = 48;
const MAX_LABEL = 60;

export function circleRing(centre: readonly [number, number], radiusKm: number): LonLat[] {
  const [lon, lat] = centre;
  const dLat = radiusKm / KM_PER_DEGREE;
  const dLon = radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 1e-6));
  const ring: LonLat[] = [];
  for (let i = 0; i <= CIRCLE_SIDES; i++) {
    const a = (2 * Math.PI * (i % CIRCLE_SIDES)) / CIRCLE_SIDES;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return ring;
}

/** Mean of a ring's vertices (the closing one excluded): where the label goes, inside any convex area. */
function middleOf(ring: readonly LonLat[]): [number, number] {
  const open = ring.length > 1 ? ring.slice(0, -1) : ring;
  const sum = open.reduce<[number, number]>((s, [x, y]) => [s[0] + x, s[1] + y], [0, 0]);
  return [sum[0] / open.length, sum[1] / open.length];
}

/** The parts and labels of the warnings active at `now` (cancelled and expired ones are not drawn). */
export function warningAreas(
  warnings: readonly { key: string; payload: WarningPayload }[],
  now: number,
): { parts: WarningPart[]; labels: WarningLabel[] } {
  const parts: WarningPart[] = [];
  const labels: WarningLabel[] = [];
  for (const { key, payload } of warnings) {
    if (payload.state !== 'active' || (payload.expiresAt !== null && payload.expiresAt <= now)) continue;
    const rings = payload.areas.flatMap((area) => [
      ...area.polygons,
      ...area.circles.map((c) => circleRing(c.centre, c.radiusKm)),
    ]);
    for (const ring of rings) parts.push({ id: key, priority: payload.priority, ring });
    const first = rings[0];
    if (first) {
      const text =
        payload.headline.length > MAX_LABEL ? `${payload.headline.slice(0, MAX_LABEL - 1)}…` : payload.headline;
      labels.push({ id: key, position: middleOf(first), text });
    }
  }
  return { parts, labels };
}
