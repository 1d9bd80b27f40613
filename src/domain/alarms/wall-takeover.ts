// Which preset each surface shows in answer to alarms: a show-preset response takes the surfaces over the
// monitors it names and no other; where several name the same monitor, the first of the ordered list (most
// urgent, then oldest) has it. Pure; the host's PresetApplier lays the result over the wall's own preset.
import type { ActiveResponse } from './response-schema.js';

export interface SurfaceMonitors {
  id: string;
  /** The monitors the surface belongs to (its home ones). */
  monitors: readonly string[];
}

export interface Takeover {
  presetId: string;
  alarmId: string;
}

export function takeoverBySurface(
  active: readonly ActiveResponse[],
  surfaces: readonly SurfaceMonitors[],
): Map<string, Takeover> {
  const taken = new Map<string, Takeover>();
  for (const { response, alarmId } of active) {
    if (response.kind !== 'show-preset') continue;
    for (const surface of surfaces) {
      if (taken.has(surface.id) || !surface.monitors.some((m) => response.monitors.includes(m))) continue;
      taken.set(surface.id, { presetId: response.presetId, alarmId });
    }
  }
  return taken;
}
