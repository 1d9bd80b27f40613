// The host under the Electron shell: a real host, and a stand-in for Electron's parentPort (Electron itself
// cannot run here). A display that goes away has its surfaces consolidated onto the others and the shell is told
// the new bounds; when it returns, the surfaces go back. Malformed messages change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostToShell } from '../../src/contract/shell-ipc.js';
import { createLogger } from '../../platform/logger.js';
import type { RunningHost } from '../../main/host/host.js';
import { ElectronChannel } from '../../main/host/shells/electron-child.js';
import { serveElectronShell } from '../../main/host/shells/electron-session.js';
import { startTestHost, TWO_MONITORS } from '../support/start-test-host.js';

class StandInPort {
  private readonly listeners: Array<(e: { data: unknown }) => void> = [];
  readonly sent: HostToShell[] = [];
  on(_event: 'message', listener: (e: { data: unknown }) => void): void {
    this.listeners.push(listener);
  }
  postMessage(message: unknown): void {
    this.sent.push(message as HostToShell);
  }
  fromShell(data: unknown): void {
    for (const listener of this.listeners) listener({ data });
  }
}

type Ready = Extract<HostToShell, { type: 'ready' }>;
const lastReady = (port: StandInPort): Ready => port.sent.filter((m): m is Ready => m.type === 'ready').at(-1)!;
const boundsOf = (ready: Ready): string[] => ready.surfaces.map((s) => `${s.id}@${s.bounds.x},${s.bounds.y}`);

describe('host under the Electron shell: displays that come and go', () => {
  let host: RunningHost;
  let port: StandInPort;

  beforeEach(async () => {
    host = await startTestHost({ mediaOrigins: ['http://127.0.0.1:8888'] });
    port = new StandInPort();
    const logger = createLogger('host', 'error');
    serveElectronShell(host, new ElectronChannel(port, logger), {
      wall: TWO_MONITORS,
      consoleEnabled: true,
      mediaOrigins: ['http://127.0.0.1:8888'],
      logger,
    });
  });
  afterEach(async () => {
    await host.close();
  });

  it('tells the shell where the bridge is, which surfaces to draw and which video origins to admit', () => {
    const ready = lastReady(port);
    expect(ready.bridgeUrl).toBe(host.origin);
    expect(ready.token).toBe(host.token);
    expect(ready.mediaOrigins).toEqual(['http://127.0.0.1:8888']);
    expect(boundsOf(ready)).toEqual(['wall-1@0,0', 'wall-2@1920,0']);
  });

  it('consolidates the surfaces of a display that went away, and returns them when it comes back', () => {
    const [left, right] = TWO_MONITORS;
    port.fromShell({ type: 'displays', monitors: [left] });
    const without = lastReady(port);
    expect(port.sent).toHaveLength(2);
    // Both surfaces now lie on the left monitor.
    for (const s of without.surfaces) expect(s.bounds.x + s.bounds.width).toBeLessThanOrEqual(1920);
    expect(host.surfaces.status().find((s) => s.id === 'wall-2')?.consolidated).toBe(true);
    expect(host.surfaces.recentEvents().some((e) => e.surfaceId === 'wall-2' && e.event === 'moved')).toBe(true);

    // The same displays again: nothing to tell.
    port.fromShell({ type: 'displays', monitors: [left] });
    expect(port.sent).toHaveLength(2);

    port.fromShell({ type: 'displays', monitors: [left, right] });
    expect(boundsOf(lastReady(port))).toEqual(['wall-1@0,0', 'wall-2@1920,0']);
  });

  it('ignores a malformed message from the shell', () => {
    port.fromShell({ type: 'displays', monitors: [] });
    port.fromShell({ type: 'displays', monitors: 'all of them' });
    port.fromShell({ type: 'window', surfaceId: 'wall-1' });
    expect(port.sent).toHaveLength(1);
    expect(boundsOf(lastReady(port))).toEqual(['wall-1@0,0', 'wall-2@1920,0']);
  });
});
