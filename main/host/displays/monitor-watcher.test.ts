import { describe, expect, it, vi } from 'vitest';
import type { Monitor } from '../../../src/contract/wall.js';
import { createLogger } from '../../../platform/logger.js';
import { presentMonitorIds, watchMonitors } from './monitor-watcher.js';

const m = (id: string, x: number): Monitor => ({ id, name: id, x, y: 0, width: 1920, height: 1080, primary: false });
const wall = [m('DUMMY0', 0), m('DUMMY1', 1920), m('right', 3840)];

describe('monitor watcher', () => {
  it('recognises the wall’s monitors by output name, or by place and size', () => {
    expect(presentMonitorIds(wall, [m('DUMMY1', 1920), m('HDMI-2', 3840)])).toEqual(['DUMMY1', 'right']);
    expect(presentMonitorIds(wall, [])).toEqual([]);
  });

  it('reports a change once, ignores failed listings, and reports the return', async () => {
    vi.useFakeTimers();
    try {
      const listings: Array<Monitor[] | Error> = [
        wall,
        [wall[0]!, wall[2]!],
        [wall[0]!, wall[2]!],
        new Error('xrandr: cannot open display'),
        wall,
      ];
      const changes: string[][] = [];
      const stop = watchMonitors({
        wall,
        list: async () => {
          const next = listings.shift() ?? wall;
          if (next instanceof Error) throw next;
          return next;
        },
        onChange: (ids) => changes.push(ids),
        logger: createLogger('test'),
        intervalMs: 100,
      });
      await vi.advanceTimersByTimeAsync(600);
      stop();
      expect(changes).toEqual([
        ['DUMMY0', 'right'],
        ['DUMMY0', 'DUMMY1', 'right'],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
