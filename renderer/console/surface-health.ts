// How healthy a wall window is, from what /api/status says of it: the console's health strip shows this per
// monitor, in words and shapes, so a duty operator sees a frozen or failing screen before the room does.
import type { SurfaceStatus } from '../../src/contract/host-status.js';
import { SILENT_AFTER_MS } from '../../src/domain/wall/heartbeat-timing.js';

export type SurfaceHealth = 'ok' | 'degraded' | 'silent' | 'down' | 'starting' | 'idle';

/** Fewer frames than this per second is a struggling window (software rendering, an overloaded PC). */
const LOW_FPS = 5;

export function surfaceHealth(surface: SurfaceStatus, now: number): SurfaceHealth {
  const { window: w, heartbeat } = surface;
  if (w.state === 'crashed' || w.state === 'exited') return 'down';
  if (w.state === 'starting' && !heartbeat) return 'starting';
  // No window of ours and no page reporting: a headless surface nobody has opened yet.
  if (!heartbeat) return w.state === 'none' ? 'idle' : 'starting';
  if (now - heartbeat.at > SILENT_AFTER_MS) return 'silent';
  if (heartbeat.tileErrors > 0 || heartbeat.fps < LOW_FPS) return 'degraded';
  return 'ok';
}
