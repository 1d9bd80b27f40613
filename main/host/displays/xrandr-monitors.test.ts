import { describe, expect, it } from 'vitest';
import { parseListMonitors } from './xrandr-monitors.js';

describe('xrandr --listmonitors', () => {
  it('reads every monitor with its place and size', () => {
    const out = `Monitors: 3
 0: +*DUMMY0 1920/508x1080/286+0+0  DUMMY0
 1: +DUMMY1 1920/508x1080/286+1920+0  DUMMY1
 2: +HDMI-1 3840/600x2160/340+0+1080  HDMI-1
`;
    expect(parseListMonitors(out)).toEqual([
      { id: 'DUMMY0', name: 'DUMMY0', x: 0, y: 0, width: 1920, height: 1080, primary: true },
      { id: 'DUMMY1', name: 'DUMMY1', x: 1920, y: 0, width: 1920, height: 1080, primary: false },
      { id: 'HDMI-1', name: 'HDMI-1', x: 0, y: 1080, width: 3840, height: 2160, primary: false },
    ]);
  });

  it('lists nothing for output without monitors', () => {
    expect(parseListMonitors('Monitors: 0\n')).toEqual([]);
  });
});
