// End to end: four monitors in a 2×2 grid (Xorg, dummy driver) with bezels described by a wall file. A test
// pattern spanning all four must continue across every seam shifted by exactly the pixels behind the bezels;
// a monitor switched off has its surface consolidated onto the others, and switched on gets it back; a broken
// wall file stops the start with the bad field named, before any window opens.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostStatus } from '../../src/contract/host-status.js';
import type { Rect } from '../../src/contract/wall.js';
import { type CliRun, REPO, runCli } from '../support/cli-process.js';
import { until } from '../support/start-test-host.js';
import { startXWall, type XWall } from '../support/xorg-wall.js';

const W = 1920;
const H = 1080;
// 6 mm frames left and right, 4 mm top and bottom, 0.25 mm pixels: seams of 48 px across and 32 px down.
const BEZEL = { left: 6, right: 6, top: 4, bottom: 4 };
const PITCH = 0.25;
const GAP_X = (BEZEL.right + BEZEL.left) / PITCH;
const GAP_Y = (BEZEL.bottom + BEZEL.top) / PITCH;
const SPACING = 240;
const shots = join(REPO, 'test-results', 'wall-2x2');

let wall: XWall;
const env = (): NodeJS.ProcessEnv => ({ ...process.env, DISPLAY: wall.display });

function wallFile(extra: object = {}, monitorExtra: object = {}): string {
  const ids = [0, 1, 2, 3].map((i) => `DUMMY${i}`);
  const file = join(mkdtempSync(join(tmpdir(), 'ioc-wall-2x2-')), 'wall.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'Tường 2×2',
      monitors: wall.monitors.map((m, i) => ({
        id: m.output,
        name: `Màn hình ${i + 1}`,
        x: m.x,
        y: m.y,
        width: m.width,
        height: m.height,
        primary: i === 0,
        bezelMm: BEZEL,
        pixelPitchMm: PITCH,
        ...monitorExtra,
      })),
      bezelCompensation: true,
      surfaces: [
        {
          id: 'wall-span',
          monitors: ids,
          layout: {
            columns: 1,
            rows: 1,
            tiles: [{ id: 'pattern', kind: 'test-pattern', x: 0, y: 0, w: 1, h: 1, settings: { spacing: SPACING } }],
          },
        },
      ],
      ...extra,
    }),
  );
  return file;
}

async function start(args: string[]): Promise<{ app: CliRun; status: () => Promise<HostStatus> }> {
  const app = runCli(
    [
      'start',
      '--shell',
      'browser',
      '--port',
      '0',
      // No --demo: the test pattern needs no data, and the demo's mark and alarm banner would cover the seams.
      '--data-dir',
      mkdtempSync(join(tmpdir(), 'ioc-e2e-')),
      ...args,
    ],
    env(),
  );
  const url = (await app.waitFor(/status: (http:\/\/127\.0\.0\.1:\d+\/api\/status\?token=[\w-]+)/))[1]!;
  // A fresh connection each time: a kept-alive one may be closed by the server just as it is reused.
  const get = async (): Promise<HostStatus> =>
    HostStatus.parse(await (await fetch(url, { headers: { connection: 'close' } })).json());
  return { app, status: get };
}

function windowGeometry(surfaceId: string): Rect {
  const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^IOC Wall — ${surfaceId}$`], {
    env: env(),
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  expect(ids, `windows of ${surfaceId}`).toHaveLength(1);
  const g = Object.fromEntries(
    execFileSync('xdotool', ['getwindowgeometry', '--shell', ids[0]!], { env: env(), encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.split('=') as [string, string])
      .map(([k, v]) => [k, Number(v)]),
  ) as { X: number; Y: number; WIDTH: number; HEIGHT: number };
  return { x: g.X, y: g.Y, width: g.WIDTH, height: g.HEIGHT };
}

function expectInside(inner: Rect, outer: Rect, what: string): void {
  expect(inner.x, what).toBeGreaterThanOrEqual(outer.x);
  expect(inner.y, what).toBeGreaterThanOrEqual(outer.y);
  expect(inner.x + inner.width, what).toBeLessThanOrEqual(outer.x + outer.width);
  expect(inner.y + inner.height, what).toBeLessThanOrEqual(outer.y + outer.height);
}

function monitorRect(output: string): Rect {
  const m = wall.monitors.find((x) => x.output === output)!;
  return { x: m.x, y: m.y, width: m.width, height: m.height };
}

function grab(name: string, r: Rect): string {
  const file = join(shots, `${name}.png`);
  execFileSync('import', ['-window', 'root', '-crop', `${r.width}x${r.height}+${r.x}+${r.y}`, '+repage', file], {
    env: env(),
  });
  return file;
}

/** The screen as 8-bit grey, one byte per pixel, row after row. */
function greyPixels(png: string): Buffer {
  return execFileSync('convert', [png, '-colorspace', 'gray', '-depth', '8', 'gray:-'], { maxBuffer: 64 << 20 });
}

/** Centres of the bright runs (the pattern's lines) along a line of samples. */
function lineCentres(samples: number[]): number[] {
  const centres: number[] = [];
  let start = -1;
  samples.forEach((v, i) => {
    if (v > 128 && start < 0) start = i;
    if ((v <= 128 || i === samples.length - 1) && start >= 0) {
      centres.push((start + i - 1) / 2);
      start = -1;
    }
  });
  return centres;
}

/**
 * How far the pattern jumps at a seam beyond what its 45° slope gives over the same screen distance: for each
 * line before the seam, the jump to each line after it (modulo the pattern's spacing, so which line is "the
 * same" does not matter), keeping the one closest to `expected`. Without compensation it would be 0.
 */
function seamShifts(before: number[], after: number[], screenStep: number, expected: number): number[] {
  return before.map((b) =>
    after
      .map((a) => a - b - screenStep)
      .map((d) => d - SPACING * Math.round(d / SPACING))
      .reduce((best, s) => (Math.abs(s - expected) < Math.abs(best - expected) ? s : best), Infinity),
  );
}

beforeAll(async () => {
  wall = await startXWall(2, 2, W, H);
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await wall?.stop();
});

describe('a broken wall file', () => {
  it.each([
    [{}, { bezelMm: { left: -3 } }, /monitors\.0\.bezelMm\.left/],
    [
      { surfaces: [{ id: 'wall-span', monitors: ['DUMMY0', 'DUMMY9'] }] },
      {},
      /surfaces\.0\.monitors\.1: no monitor "DUMMY9"/,
    ],
    [
      { surfaces: [{ id: 'wall-span', monitors: ['DUMMY0', 'DUMMY3'] }] },
      {},
      /surfaces\.0\.monitors: .*full rectangle/,
    ],
  ])('%j %j stops the start naming the field, and opens no window', async (extra, monitorExtra, field) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-e2e-broken-'));
    const app = runCli(
      ['start', '--shell', 'browser', '--port', '0', '--data-dir', dataDir, '--wall', wallFile(extra, monitorExtra)],
      env(),
    );
    expect(await app.exited()).toBe(2);
    expect(app.stderr()).toMatch(/wall file .* is invalid/);
    expect(app.stderr()).toMatch(field);
    expect(app.stdout()).not.toMatch(/status:/);
    // No Chromium was started with this data dir (each window's profile lives in it).
    let chromium = '';
    try {
      chromium = execFileSync('pgrep', ['-f', dataDir], { encoding: 'utf8' });
    } catch {
      chromium = ''; // pgrep exits 1 when nothing matches
    }
    expect(chromium).toBe('');
  });
});

describe('a test pattern spanning all four monitors, bezel-compensated', () => {
  let app: CliRun;
  let status: () => Promise<HostStatus>;

  beforeAll(async () => {
    ({ app, status } = await start(['--wall', wallFile()]));
  });
  afterAll(async () => {
    await app?.stop();
    if (wall) wall.xrandr(['--output', 'DUMMY3', '--mode', `${W}x${H}`, '--pos', `${W}x${H}`]);
  });

  it('opens one window over the four monitors with a canvas that includes the bezels', async () => {
    const s = await until(
      'the spanning window to open',
      async () => {
        const st = await status();
        return st.surfaces[0]?.window.state === 'open' ? st : undefined;
      },
      90_000,
    );
    expect(s.surfaces).toHaveLength(1);
    expect(s.surfaces[0]).toMatchObject({
      id: 'wall-span',
      monitorIds: ['DUMMY0', 'DUMMY1', 'DUMMY2', 'DUMMY3'],
      consolidated: false,
      bounds: { x: 0, y: 0, width: 2 * W, height: 2 * H },
    });
    expectInside({ x: 0, y: 0, width: 2 * W, height: 2 * H }, windowGeometry('wall-span'), 'window covers the wall');
  });

  it('continues the pattern across every seam, shifted by the bezel gap in pixels', async () => {
    const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
    // The canvas paints after the first heartbeat: on a loaded machine that may take a while.
    const px = await until(
      'the pattern painted on every monitor',
      () => {
        const grey = greyPixels(grab('wall-full', { x: 0, y: 0, width: 2 * W, height: 2 * H }));
        const column = (x: number, y0: number) => range(y0, y0 + 400).map((y) => grey[y * 2 * W + x]!);
        const painted = [column(W - 40, 150), column(W - 40, H + 150), column(W + 39, 150), column(W + 39, H + 150)];
        return painted.every((c) => lineCentres(c).length > 1) ? grey : undefined;
      },
      30_000,
    );
    for (const [name, x, y] of [
      ['seam-vertical-top', W - 200, H / 2 - 200],
      ['seam-vertical-bottom', W - 200, H + H / 2 - 200],
      ['seam-horizontal-left', W / 2 - 200, H - 200],
      ['seam-horizontal-right', W + W / 2 - 200, H - 200],
      ['seam-crossing', W - 200, H - 200],
    ] as const) {
      grab(name, { x, y, width: 400, height: 400 });
    }
    const at = (x: number, y: number): number => px[y * 2 * W + x]!;
    const step = 79; // screen pixels between the two sample lines, one 40 px each side of the seam

    // Vertical seams (x = 1920): sample a column each side; lines go down-right, so y moves with x.
    for (const [y0, y1] of [
      [150, H - 150],
      [H + 150, 2 * H - 150],
    ] as const) {
      const left = lineCentres(range(y0, y1).map((y) => at(W - 40, y)));
      const right = lineCentres(range(y0, y1).map((y) => at(W + 39, y)));
      expect(left.length, `lines left of the seam at y ${y0}`).toBeGreaterThan(1);
      const shifts = seamShifts(left, right, step, GAP_X);
      for (const s of shifts) expect(Math.abs(s - GAP_X), `seam x at y ${y0}: shift ${s}`).toBeLessThanOrEqual(2);
    }
    // Horizontal seams (y = 1080): sample a row each side; x moves with y.
    for (const [x0, x1] of [
      [150, W - 150],
      [W + 150, 2 * W - 150],
    ] as const) {
      const above = lineCentres(range(x0, x1).map((x) => at(x, H - 40)));
      const below = lineCentres(range(x0, x1).map((x) => at(x, H + 39)));
      expect(above.length, `lines above the seam at x ${x0}`).toBeGreaterThan(1);
      const shifts = seamShifts(above, below, step, GAP_Y);
      for (const s of shifts) expect(Math.abs(s - GAP_Y), `seam y at x ${x0}: shift ${s}`).toBeLessThanOrEqual(2);
    }
  });

  it('shrinks the spanning surface to the top row when the bottom-right monitor goes off, and restores it', async () => {
    const before = (await status()).surfaces[0]!.window.pid;
    wall.xrandr(['--output', 'DUMMY3', '--off']);
    // Moving a window is opening it again at its new place: wait for the new one.
    const shrunk = await until(
      'the surface to leave DUMMY3',
      async () => {
        const st = await status();
        const s = st.surfaces[0]!;
        return s.consolidated && s.window.state === 'open' && s.window.pid !== before ? st : undefined;
      },
      60_000,
    );
    expect(shrunk.monitors.find((m) => m.id === 'DUMMY3')?.present).toBe(false);
    expect(shrunk.surfaces[0]).toMatchObject({
      monitorIds: ['DUMMY0', 'DUMMY1'],
      homeMonitorIds: ['DUMMY0', 'DUMMY1', 'DUMMY2', 'DUMMY3'],
      bounds: { x: 0, y: 0, width: 2 * W, height: H },
    });
    expectInside(windowGeometry('wall-span'), { x: 0, y: 0, width: 2 * W, height: H }, 'shrunk window');
    await new Promise((r) => setTimeout(r, 1500));
    grab('span-shrunk', { x: 0, y: 0, width: 2 * W, height: 2 * H });

    const shrunkPid = shrunk.surfaces[0]!.window.pid;
    wall.xrandr(['--output', 'DUMMY3', '--mode', `${W}x${H}`, '--pos', `${W}x${H}`]);
    const back = await until(
      'the surface to span all four again',
      async () => {
        const st = await status();
        const s = st.surfaces[0]!;
        return !s.consolidated && s.window.state === 'open' && s.window.pid !== shrunkPid ? s : undefined;
      },
      60_000,
    );
    expect(back.monitorIds).toHaveLength(4);
    expect(windowGeometry('wall-span').height).toBeGreaterThan(H);
  });
});

describe('one surface per monitor (found by xrandr)', () => {
  let app: CliRun;
  let status: () => Promise<HostStatus>;

  beforeAll(async () => {
    ({ app, status } = await start([]));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('consolidates the surface of a monitor switched off onto its nearest neighbour, and restores it', async () => {
    const opened = await until(
      'four windows open',
      async () => {
        const st = await status();
        return st.surfaces.every((s) => s.window.state === 'open') ? st : undefined;
      },
      120_000,
    );
    const pids = (st: HostStatus): Record<string, number | null> =>
      Object.fromEntries(st.surfaces.map((s) => [s.id, s.window.pid]));
    // Both windows on the bottom row are opened again at their new places: new processes, open.
    const reopened = (st: HostStatus, previous: Record<string, number | null>): boolean =>
      ['wall-3', 'wall-4'].every(
        (id) => pids(st)[id] !== previous[id] && st.surfaces.find((x) => x.id === id)!.window.state === 'open',
      );
    const first = pids(opened);
    wall.xrandr(['--output', 'DUMMY3', '--off']);
    const moved = await until(
      'wall-4 and wall-3 to reopen on DUMMY2',
      async () => {
        const st = await status();
        return reopened(st, first) ? st : undefined;
      },
      60_000,
    );
    const w4 = moved.surfaces.find((x) => x.id === 'wall-4')!;
    const w3 = moved.surfaces.find((x) => x.id === 'wall-3')!;
    // Tie between DUMMY1 (above) and DUMMY2 (left): left wins; the two surfaces share it side by side.
    expect(w4).toMatchObject({ monitorId: 'DUMMY2', homeMonitorId: 'DUMMY3', consolidated: true });
    expect(w3).toMatchObject({ monitorId: 'DUMMY2', homeMonitorId: 'DUMMY2', consolidated: true });
    expect(moved.windowEvents.some((e) => e.surfaceId === 'wall-4' && e.event === 'moved')).toBe(true);
    expect(moved.surfaces.find((x) => x.id === 'wall-1')!.window.pid).toBe(first['wall-1']); // untouched
    expectInside(windowGeometry('wall-4'), monitorRect('DUMMY2'), 'wall-4 on DUMMY2');
    expectInside(windowGeometry('wall-3'), monitorRect('DUMMY2'), 'wall-3 on DUMMY2');
    expect(windowGeometry('wall-4').x).toBeGreaterThanOrEqual(W / 2);
    await new Promise((r) => setTimeout(r, 3000));
    grab('consolidated-DUMMY2', monitorRect('DUMMY2'));

    const second = pids(moved);
    wall.xrandr(['--output', 'DUMMY3', '--mode', `${W}x${H}`, '--pos', `${W}x${H}`]);
    const back = await until(
      'wall-4 to return',
      async () => {
        const st = await status();
        return st.surfaces.every((x) => !x.consolidated) && reopened(st, second) ? st : undefined;
      },
      60_000,
    );
    expect(back.surfaces.find((x) => x.id === 'wall-4')!.monitorId).toBe('DUMMY3');
    expectInside(windowGeometry('wall-4'), monitorRect('DUMMY3'), 'wall-4 home');
    expect(windowGeometry('wall-3').width).toBeGreaterThan(0.8 * W);
  });
});
