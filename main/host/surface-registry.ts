// The surfaces of the wall and what is known of their windows: state from the shell, heartbeats from the pages.
import type { SurfaceHeartbeat, SurfaceStatus, WindowEvent } from '../../src/contract/host-status.js';
import type { Surface, WindowState } from '../../src/contract/wall.js';

interface WindowInfo {
  state: WindowState;
  pid: number | null;
  restarts: number;
  /** When the window entered this state. */
  since: number;
}

const MAX_EVENTS = 100;

export class SurfaceRegistry {
  private surfaces: Surface[] = [];
  private readonly windows = new Map<string, WindowInfo>();
  private readonly heartbeats = new Map<string, SurfaceHeartbeat>();
  private readonly events: WindowEvent[] = [];

  set(surfaces: Surface[]): void {
    this.surfaces = surfaces;
  }

  all(): Surface[] {
    return this.surfaces;
  }

  get(id: string): Surface | undefined {
    return this.surfaces.find((s) => s.id === id);
  }

  setWindow(id: string, state: WindowState, pid: number | null): void {
    const prev = this.windows.get(id);
    const restarts = (prev?.restarts ?? 0) + (state === 'starting' && prev && prev.state !== 'none' ? 1 : 0);
    this.windows.set(id, { state, pid, restarts, since: Date.now() });
    if (state === 'crashed' || (state === 'starting' && restarts > 0)) {
      this.logEvent(id, state === 'crashed' ? 'crashed' : 'restarted', pid === null ? '' : `pid ${pid}`);
    }
  }

  /** Keeps the last events of the wall's windows for the console and /api/status. */
  logEvent(surfaceId: string, event: WindowEvent['event'], detail: string): void {
    this.events.push({ at: Date.now(), surfaceId, event, detail });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  recentEvents(): WindowEvent[] {
    return [...this.events];
  }

  heartbeat(id: string, hb: SurfaceHeartbeat): boolean {
    if (!this.get(id)) return false;
    this.heartbeats.set(id, hb);
    return true;
  }

  status(): SurfaceStatus[] {
    return this.surfaces.map((s) => ({
      id: s.id,
      monitorId: s.monitorId,
      homeMonitorId: s.homeMonitorIds?.[0] ?? s.monitorId,
      monitorIds: s.monitorIds ?? [s.monitorId],
      homeMonitorIds: s.homeMonitorIds ?? [s.monitorId],
      consolidated: s.consolidated ?? false,
      bounds: s.bounds,
      path: `/#/wall/${s.id}`,
      window: this.windows.get(s.id) ?? { state: 'none', pid: null, restarts: 0, since: 0 },
      heartbeat: this.heartbeats.get(s.id) ?? null,
    }));
  }
}
