// The host's conversation with the Electron shell once it runs: windows' states come in; the surfaces to draw go
// out at start and again whenever displays come or go (a monitor switched off has its surfaces consolidated onto
// the others, and gets them back when it returns; the shell moves the windows whose bounds changed).
import type { HostToShell } from '../../../src/contract/shell-ipc.js';
import type { Monitor } from '../../../src/contract/wall.js';
import type { Logger } from '../../../platform/logger.js';
import { presentMonitorIds } from '../displays/monitor-watcher.js';
import type { RunningHost } from '../host.js';
import type { ElectronChannel } from './electron-child.js';

export interface ElectronSessionOptions {
  /** The wall's monitors as the host laid it out (the displays at start, or the wall file's). */
  wall: readonly Monitor[];
  consoleEnabled: boolean;
  mediaOrigins: readonly string[];
  logger: Logger;
}

/** A monitor gone or back: its surfaces are consolidated or returned, each move logged. Returns what moved. */
export function applyPresentMonitors(host: RunningHost, present: readonly string[]): string[] {
  const moved = host.setPresentMonitors(present);
  for (const id of moved) host.surfaces.logEvent(id, 'moved', `monitors present: ${present.join(', ')}`);
  return moved;
}

export function serveElectronShell(host: RunningHost, channel: ElectronChannel, options: ElectronSessionOptions): void {
  const ready = (): HostToShell => ({
    type: 'ready',
    bridgeUrl: host.origin,
    token: host.token,
    wallToken: host.wallToken,
    surfaces: host.surfaces.all(),
    consoleEnabled: options.consoleEnabled,
    mediaOrigins: [...options.mediaOrigins],
  });
  let present = options.wall.map((m) => m.id).join(',');
  channel.onMessage((msg) => {
    if (msg.type === 'window') {
      host.surfaces.setWindow(msg.surfaceId, msg.state, msg.pid);
      return;
    }
    const ids = presentMonitorIds(options.wall, msg.monitors);
    if (ids.join(',') === present) return;
    present = ids.join(',');
    options.logger.info('monitors changed', { present: ids });
    // Sent even when nothing moved: the shell keeps no state of its own about displays.
    applyPresentMonitors(host, ids);
    channel.send(ready());
  });
  channel.send(ready());
}
