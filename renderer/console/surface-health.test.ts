import { describe, expect, it } from 'vitest';
import type { SurfaceStatus } from '../../src/contract/host-status.js';
import { surfaceHealth } from './surface-health';

const NOW = 1_800_000_000_000;
function surface(over: {
  state?: SurfaceStatus['window']['state'];
  beat?: Partial<NonNullable<SurfaceStatus['heartbeat']>> | null;
}): SurfaceStatus {
  return {
    id: 'wall-1',
    monitorId: 'm1',
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    path: '/#/wall/wall-1',
    window: { state: over.state ?? 'open', pid: 42, restarts: 0, since: NOW - 60_000 },
    heartbeat:
      over.beat === null ? null : { at: NOW - 1000, sample: '1', fps: 60, tiles: 6, tileErrors: 0, ...over.beat },
  } as SurfaceStatus;
}

describe('surface health', () => {
  it('is ok when the page beats, paints fast and no tile failed', () => {
    expect(surfaceHealth(surface({}), NOW)).toBe('ok');
  });
  it('is degraded with a failed tile or a low frame rate', () => {
    expect(surfaceHealth(surface({ beat: { tileErrors: 1 } }), NOW)).toBe('degraded');
    expect(surfaceHealth(surface({ beat: { fps: 2 } }), NOW)).toBe('degraded');
  });
  it('is silent when the heartbeats stopped, whatever the window says', () => {
    expect(surfaceHealth(surface({ beat: { at: NOW - 6000 } }), NOW)).toBe('silent');
  });
  it('is down when the window crashed or exited, starting until it reports, idle when nobody opened it', () => {
    expect(surfaceHealth(surface({ state: 'crashed' }), NOW)).toBe('down');
    expect(surfaceHealth(surface({ state: 'exited' }), NOW)).toBe('down');
    expect(surfaceHealth(surface({ state: 'starting', beat: null }), NOW)).toBe('starting');
    expect(surfaceHealth(surface({ state: 'none', beat: null }), NOW)).toBe('idle');
  });
});
