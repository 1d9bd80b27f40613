// The wall's surfaces at home (a wall file's spanning surfaces plus one surface for every other monitor), the
// checks a wall file must pass beyond its schema, and the surfaces as placed on the monitors present now.
import type { Monitor, Surface, SurfaceLayout, WallSurfaceSpec } from '../../contract/wall.js';
import { gridBlock, spanCanvas } from './bezel-canvas.js';
import { consolidate } from './consolidation.js';
import { toPhysicalMonitors } from './monitor-grid.js';
import { byReadingOrder, type PhysicalMonitor } from './wall-types.js';

interface PlannedSurface {
  id: string;
  monitorIds: string[];
  layout: SurfaceLayout;
}

export interface WallPlan {
  monitors: PhysicalMonitor[];
  surfaces: PlannedSurface[];
  bezelCompensation: boolean;
}

export interface WallSpec {
  surfaces?: readonly WallSurfaceSpec[];
  bezelCompensation?: boolean;
}

export interface PlanIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * `perMonitor` are the surfaces the wall would have with one per monitor (ids and layouts: the demo's or a
 * preset's). A spanning surface replaces those of its monitors and takes the layout of its top-left one unless
 * it brings its own. Surfaces are ordered by their top-left monitor, top row first.
 */
export function planWall(monitors: readonly Monitor[], perMonitor: readonly Surface[], spec: WallSpec = {}): WallPlan {
  const physical = toPhysicalMonitors(monitors);
  const place = new Map(physical.map((m) => [m.id, m]));
  const spanned = new Set((spec.surfaces ?? []).flatMap((s) => s.monitors));
  const topLeft = (ids: readonly string[]): PhysicalMonitor =>
    ids.map((id) => place.get(id) as PhysicalMonitor).sort(byReadingOrder)[0] as PhysicalMonitor;
  const surfaces: PlannedSurface[] = [
    ...(spec.surfaces ?? []).map((s) => ({
      id: s.id,
      monitorIds: [...s.monitors].sort((a, b) => byReadingOrder(place.get(a)!, place.get(b)!)),
      layout: s.layout ?? (perMonitor.find((p) => p.monitorId === topLeft(s.monitors).id)?.layout as SurfaceLayout),
    })),
    ...perMonitor
      .filter((p) => !spanned.has(p.monitorId))
      .map((p) => ({ id: p.id, monitorIds: [p.monitorId], layout: p.layout })),
  ].sort((a, b) => byReadingOrder(topLeft(a.monitorIds), topLeft(b.monitorIds)));
  return { monitors: physical, surfaces, bezelCompensation: spec.bezelCompensation ?? true };
}

/** What a wall file's schema cannot say: references between its parts and the shape of spanning surfaces. */
export function wallPlanIssues(
  monitors: readonly Monitor[],
  perMonitor: readonly Surface[],
  spec: WallSpec,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const physical = toPhysicalMonitors(monitors);
  const byId = new Map(physical.map((m) => [m.id, m]));
  const places = new Map<string, number>();
  physical.forEach((m, i) => {
    const key = `${m.row},${m.col}`;
    if (places.has(key))
      issues.push({
        path: ['monitors', i, 'row'],
        message: `same grid place (row ${m.row}, col ${m.col}) as monitors.${places.get(key)}`,
      });
    else places.set(key, i);
    const b = m.bezelMm;
    if ((spec.bezelCompensation ?? true) && b.top + b.right + b.bottom + b.left > 0 && !m.pitchMm) {
      issues.push({
        path: ['monitors', i, 'pixelPitchMm'],
        message: 'needed to compensate its bezels (or give physicalMm)',
      });
    }
  });
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  const specs = spec.surfaces ?? [];
  const spanned = new Set(specs.flatMap((s) => s.monitors));
  const ownIds = new Set(perMonitor.filter((p) => !spanned.has(p.monitorId)).map((p) => p.id));
  specs.forEach((s, i) => {
    if (ids.has(s.id)) issues.push({ path: ['surfaces', i, 'id'], message: `duplicate surface id "${s.id}"` });
    if (ownIds.has(s.id))
      issues.push({
        path: ['surfaces', i, 'id'],
        message: `"${s.id}" is the id of a monitor's own surface; choose another`,
      });
    ids.add(s.id);
    let known = true;
    s.monitors.forEach((id, j) => {
      if (!byId.has(id)) {
        known = false;
        issues.push({ path: ['surfaces', i, 'monitors', j], message: `no monitor "${id}" in monitors` });
      } else if (owner.has(id)) {
        issues.push({
          path: ['surfaces', i, 'monitors', j],
          message: `monitor "${id}" is already in surface "${owner.get(id)}"`,
        });
      } else owner.set(id, s.id);
    });
    if (!known || new Set(s.monitors).size !== s.monitors.length) return;
    const block = s.monitors.map((id) => byId.get(id) as PhysicalMonitor);
    const shape = gridBlock(block);
    const canvas = 'error' in shape ? { ok: false as const, error: shape.error } : spanCanvas(block, true);
    if (!canvas.ok) issues.push({ path: ['surfaces', i, 'monitors'], message: canvas.error });
  });
  return issues;
}

/** The surfaces as shown on the monitors present now (docs/wall-model.md); null when none is present. */
export function placeSurfaces(plan: WallPlan, present: Iterable<string>): Surface[] | null {
  const placements = consolidate(plan.monitors, plan.surfaces, present);
  if (!placements) return null;
  const byId = new Map(plan.monitors.map((m) => [m.id, m]));
  return plan.surfaces.map((s, i) => {
    const p = placements[i]!;
    const block = p.monitorIds.map((id) => byId.get(id) as PhysicalMonitor);
    const canvas = p.whole && block.length > 1 ? spanCanvas(block, plan.bezelCompensation) : null;
    return {
      id: s.id,
      monitorId: p.monitorIds[0] as string,
      bounds: p.bounds,
      layout: s.layout,
      homeMonitorIds: s.monitorIds,
      monitorIds: p.monitorIds,
      consolidated: p.consolidated,
      ...(canvas?.ok ? { canvas: canvas.canvas } : {}),
    };
  });
}
