// What the wall shows now and what comes next, from the wall's state and the presets: the host reports it in
// /api/status, and every console works it out the same way from the same shared values (offline included).
import type { WallPresetStatus } from '../../contract/host-status.js';
import type { PresetPayload, WallStatePayload } from './preset-schema.js';
import { activePresetAt, nextScheduledChange } from './wall-schedule.js';
import { emptyWallState } from './wall-state.js';

export function describeWall(
  state: WallStatePayload | null,
  presets: ReadonlyMap<string, PresetPayload>,
  now: number,
  appliedAt: number | null = null,
): WallPresetStatus {
  const wall = state ?? emptyWallState();
  const available = (id: string): boolean => {
    const p = presets.get(id);
    return p !== undefined && !p.deleted;
  };
  const active = activePresetAt(wall.schedule, now, wall.override, { available });
  const preset = active.presetId ? presets.get(active.presetId) : undefined;
  const next = nextScheduledChange(wall.schedule, now, { available });
  return {
    activePresetId: preset ? preset.id : null,
    name: preset?.name ?? null,
    version: preset?.version ?? null,
    override: active.source === 'override',
    source: preset ? active.source : 'none',
    nextChange: next ? { at: next.at, presetId: next.to.presetId } : null,
    presets: [...presets.values()].filter((p) => !p.deleted).length,
    appliedAt,
  };
}
