// A wall of monitors on a machine without monitors: Xorg with the dummy driver, monitors placed with xrandr
// (Xvfb cannot place monitors side by side). See ../shared/xorg/README.md.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface WallMonitor {
  output: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface XWall {
  display: string;
  monitors: WallMonitor[];
  xrandr(args: string[]): string;
  stop(): Promise<void>;
}

const CONF = resolve(import.meta.dirname, '../fixtures/dummy-wall.conf');

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Starts Xorg on a free display and lays out `cols × rows` monitors of `width × height`. */
export async function startXWall(cols: number, rows: number, width = 1920, height = 1080): Promise<XWall> {
  const logDir = mkdtempSync(join(tmpdir(), 'ioc-xorg-'));
  let n = 90 + Math.floor(Math.random() * 50);
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
  const display = `:${n}`;
  const xorg: ChildProcess = spawn(
    'Xorg',
    [
      display,
      '-config',
      CONF,
      '-noreset',
      '-nolisten',
      'tcp',
      '-logfile',
      join(logDir, 'x.log'),
      '-novtswitch',
      '-sharevts',
      `vt${n % 60}`,
    ],
    { stdio: 'ignore' },
  );
  const env = { ...process.env, DISPLAY: display };
  const xrandr = (args: string[]): string =>
    execFileSync('xrandr', args, { env, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      xrandr(['--listmonitors']);
      break;
    } catch {
      if (xorg.exitCode !== null) throw new Error(`Xorg exited with ${xorg.exitCode}; log in ${logDir}`);
      if (Date.now() > deadline) throw new Error(`Xorg on ${display} did not start; log in ${logDir}`);
      await sleep(200);
    }
  }
  const monitors: WallMonitor[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      monitors.push({ output: `DUMMY${monitors.length}`, x: c * width, y: r * height, width, height });
    }
  }
  const mode = `${width}x${height}`;
  for (const m of monitors) {
    try {
      xrandr(['--output', m.output, '--mode', mode]);
    } catch {
      xrandr(['--addmode', m.output, mode]);
    }
  }
  const layout = monitors.flatMap((m, i) => [
    '--output',
    m.output,
    '--mode',
    mode,
    '--pos',
    `${m.x}x${m.y}`,
    ...(i === 0 ? ['--primary'] : []),
  ]);
  xrandr(layout);
  return {
    display,
    monitors,
    xrandr,
    async stop() {
      if (xorg.exitCode !== null) return;
      const exited = new Promise<void>((r) => xorg.once('exit', () => r()));
      xorg.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (xorg.exitCode === null) xorg.kill('SIGKILL');
    },
  };
}
