// The wall's surfaces as placed on the monitors present now: the host keeps one of these, the monitor watcher
// tells it what is present, and it says which surfaces moved (their windows must be moved too).
import type { Monitor, Surface } from '../../../src/contract/wall.js';
import { placeSurfaces, type WallPlan } from '../../../src/domain/wall/wall-plan.js';

export class WallPlacement {
  private present: Set<string>;
  private current: Surface[];

  constructor(
    private readonly monitors: readonly Monitor[],
    private readonly plan: WallPlan,
  ) {
    this.present = new Set(monitors.map((m) => m.id));
    this.current = placeSurfaces(plan, this.present) ?? [];
  }

  surfaces(): Surface[] {
    return this.current;
  }

  monitorStatus(): Array<Monitor & { present: boolean }> {
    return this.monitors.map((m) => ({ ...m, present: this.present.has(m.id) }));
  }

  /**
   * Places the surfaces on `presentIds`; returns the ids of surfaces whose place changed. With no monitor
   * present at all nothing is moved (there is nowhere to move to; the windows wait where they are).
   */
  setPresent(presentIds: Iterable<string>): string[] {
    const present = new Set([...presentIds].filter((id) => this.monitors.some((m) => m.id === id)));
    const next = placeSurfaces(this.plan, present);
    if (!next) return [];
    this.present = present;
    const before = new Map(this.current.map((s) => [s.id, s]));
    this.current = next;
    return next.filter((s) => !samePlace(before.get(s.id), s)).map((s) => s.id);
  }
}

function samePlace(a: Surface | undefined, b: Surface): boolean {
  return (
    a !== undefined &&
    a.bounds.x === b.bounds.x &&
    a.bounds.y === b.bounds.y &&
    a.bounds.width === b.bounds.width &&
    a.bounds.height === b.bounds.height &&
    JSON.stringify(a.canvas) === JSON.stringify(b.canvas)
  );
}
