// Monitors of an X display, from `xrandr --listmonitors`: what the browser shell places its windows on.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Monitor } from '../../../src/contract/wall.js';

const run = promisify(execFile);

/**
 * Parses lines like ` 0: +*DUMMY0 1920/508x1080/286+0+0  DUMMY0` (name, size in px/mm, position).
 */
export function parseListMonitors(output: string): Monitor[] {
  const monitors: Monitor[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s*\d+:\s+\+?(\*?)(\S+)\s+(\d+)\/\d+x(\d+)\/\d+\+(-?\d+)\+(-?\d+)/.exec(line);
    if (!m) continue;
    const [, star, name, w, h, x, y] = m as unknown as [string, string, string, string, string, string, string];
    monitors.push({
      id: name.replace(/[^A-Za-z0-9_-]/g, '_'),
      name,
      x: Number(x),
      y: Number(y),
      width: Number(w),
      height: Number(h),
      primary: star === '*',
    });
  }
  return monitors;
}

export async function xrandrMonitors(display: string): Promise<Monitor[]> {
  const { stdout } = await run('xrandr', ['--listmonitors'], {
    env: { ...process.env, DISPLAY: display },
    timeout: 5000,
  });
  return parseListMonitors(stdout);
}
