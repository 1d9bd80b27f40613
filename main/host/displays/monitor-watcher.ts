// Watches which of the wall's monitors are present (xrandr every ~2 s in the browser shell), so that a monitor
// switched off or unplugged has its surfaces consolidated onto the others and gets them back when it returns.
import type { Monitor } from '../../../src/contract/wall.js';
import type { Logger } from '../../../platform/logger.js';

/**
 * The wall's monitors among those the display server lists: same id (an output name such as DUMMY3), or, for a
 * wall file naming them otherwise, the same place and size.
 */
export function presentMonitorIds(wall: readonly Monitor[], listed: readonly Monitor[]): string[] {
  return wall
    .filter((m) =>
      listed.some((l) => l.id === m.id || (l.x === m.x && l.y === m.y && l.width === m.width && l.height === m.height)),
    )
    .map((m) => m.id);
}

export interface MonitorWatcherOptions {
  wall: readonly Monitor[];
  list: () => Promise<Monitor[]>;
  onChange: (presentIds: string[]) => void;
  logger: Logger;
  intervalMs?: number;
}

/** Starts polling; returns the function that stops it. A failed listing changes nothing (logged once per streak). */
export function watchMonitors(options: MonitorWatcherOptions): () => void {
  let last = options.wall.map((m) => m.id).join(',');
  let failing = false;
  let busy = false;
  const poll = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const ids = presentMonitorIds(options.wall, await options.list());
      failing = false;
      const key = ids.join(',');
      if (key === last) return;
      last = key;
      options.logger.info('monitors changed', { present: ids });
      options.onChange(ids);
    } catch (err) {
      if (!failing) options.logger.warn('cannot list monitors', { error: (err as Error).message });
      failing = true;
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), options.intervalMs ?? 2000);
  timer.unref();
  return () => clearInterval(timer);
}
