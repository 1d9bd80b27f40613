// The watchdog of wall windows: a window whose page stops sending heartbeats (hung renderer, frozen GPU, a
// stopped process) is killed and started again by its shell; every such event is logged and kept for the console.
import type { Logger } from '../../../platform/logger.js';
import { HUNG_AFTER_MS, START_GRACE_MS } from '../../../src/domain/wall/heartbeat-timing.js';
import type { SurfaceRegistry } from '../surface-registry.js';

export interface WatchdogOptions {
  surfaces: SurfaceRegistry;
  restart: (surfaceId: string) => void;
  logger: Logger;
  checkEveryMs?: number;
}

export function startWindowWatchdog(options: WatchdogOptions): () => void {
  const timer = setInterval(() => {
    const now = Date.now();
    for (const s of options.surfaces.status()) {
      const { window: w, heartbeat } = s;
      const silentFor = now - (heartbeat?.at ?? w.since);
      const hung = w.state === 'open' && silentFor > HUNG_AFTER_MS;
      const neverCame = w.state === 'starting' && now - w.since > START_GRACE_MS;
      if (!hung && !neverCame) continue;
      const detail = hung ? `no heartbeat for ${Math.round(silentFor / 1000)} s` : 'never reported after starting';
      options.logger.warn('wall window is not responding; restarting it', { surface: s.id, pid: w.pid, detail });
      options.surfaces.logEvent(s.id, 'restarted-by-watchdog', detail);
      options.restart(s.id);
    }
  }, options.checkEveryMs ?? 2000);
  timer.unref();
  return () => clearInterval(timer);
}
