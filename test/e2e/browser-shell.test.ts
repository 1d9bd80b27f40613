// End to end: an X server with two monitors side by side; `ioc-wall start --shell browser` opens one Chromium
// window per monitor, each inside its monitor, each showing its surface with live values; /api/status agrees.
// The hub is a demo hub in the test's process, so the test can also make the live counters move: the demo's own
// follow the hours of a working day and barely change at night.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { HostStatus } from '../../src/contract/host-status.js';
import { type CliRun, REPO, runCli } from '../support/cli-process.js';
import { enrolDevice, writeCredentialFile } from '../support/hub-identity.js';
import { until } from '../support/start-test-host.js';
import { startXWall, type XWall } from '../support/xorg-wall.js';

let wall: XWall;
let hub: RunningHub;
let app: CliRun;
let statusUrl: string;
const shots = join(REPO, 'test-results', 'browser-shell');

async function status(): Promise<HostStatus> {
  return HostStatus.parse(await (await fetch(statusUrl)).json());
}

beforeAll(async () => {
  wall = await startXWall(2, 1);
  mkdirSync(shots, { recursive: true });
  hub = await startHub({ port: 0, logFile: null, demo: true, version: 't', logger: createLogger('hub', 'error') });
  const dir = mkdtempSync(join(tmpdir(), 'ioc-e2e-'));
  const credential = writeCredentialFile(dir, enrolDevice(hub, 'wall-pc', 'wall'));
  app = runCli(
    [
      ...['start', '--shell', 'browser', '--port', '0', '--hub', hub.url],
      ...['--hub-credential', credential, '--data-dir', join(dir, 'host')],
    ],
    {
      ...process.env,
      DISPLAY: wall.display,
    },
  );
  statusUrl = (await app.waitFor(/status: (http:\/\/127\.0\.0\.1:\d+\/api\/status\?token=[\w-]+)/))[1]!;
});

afterAll(async () => {
  await app?.stop();
  await hub?.close();
  await wall?.stop();
});

const COUNTERS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'] as const;

describe('browser shell on a two-monitor wall', () => {
  it('finds both monitors with xrandr and lays one surface on each', async () => {
    const s = await status();
    expect(s.shell.kind).toBe('browser');
    expect(s.monitorSource).toBe('xrandr');
    expect(s.monitors.map((m) => [m.id, m.x, m.y, m.width, m.height])).toEqual([
      ['DUMMY0', 0, 0, 1920, 1080],
      ['DUMMY1', 1920, 0, 1920, 1080],
    ]);
    expect(s.surfaces.map((x) => [x.id, x.monitorId])).toEqual([
      ['wall-1', 'DUMMY0'],
      ['wall-2', 'DUMMY1'],
    ]);
  });

  it('opens a window per surface, each inside its own monitor', async () => {
    const s = await until(
      'both windows open and painting',
      async () => {
        const st = await status();
        return st.surfaces.every((x) => x.window.state === 'open' && x.heartbeat && x.heartbeat.sample !== '')
          ? st
          : undefined;
      },
      60_000,
    );
    const env = { ...process.env, DISPLAY: wall.display };
    for (const surface of s.surfaces) {
      expect(surface.window.pid).toBeGreaterThan(0);
      const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^IOC Wall — ${surface.id}$`], {
        env,
        encoding: 'utf8',
      })
        .trim()
        .split('\n');
      expect(ids).toHaveLength(1);
      const geo = Object.fromEntries(
        execFileSync('xdotool', ['getwindowgeometry', '--shell', ids[0]!], { env, encoding: 'utf8' })
          .trim()
          .split('\n')
          .map((l) => l.split('=') as [string, string])
          .map(([k, v]) => [k, Number(v)]),
      ) as { X: number; Y: number; WIDTH: number; HEIGHT: number };
      const m = s.monitors.find((x) => x.id === surface.monitorId)!;
      expect(geo.X).toBeGreaterThanOrEqual(m.x);
      expect(geo.Y).toBeGreaterThanOrEqual(m.y);
      expect(geo.X + geo.WIDTH).toBeLessThanOrEqual(m.x + m.width);
      expect(geo.Y + geo.HEIGHT).toBeLessThanOrEqual(m.y + m.height);
      // Covers most of its monitor, not a small window that merely starts there.
      expect(geo.WIDTH * geo.HEIGHT).toBeGreaterThan(0.8 * m.width * m.height);
    }
  });

  it('keeps the bridge token out of every process command line (others can read /proc/*/cmdline)', async () => {
    const token = new URL(statusUrl).searchParams.get('token')!;
    // Runs after the windows opened (the test above waits for that).
    const cmdlines = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          return ''; // a process that ended meanwhile
        }
      });
    const windows = cmdlines.filter((c) => c.includes('--app=http://127.0.0.1'));
    expect(windows.length).toBeGreaterThanOrEqual(2);
    expect(windows.every((c) => /[?&]code=/.test(c))).toBe(true);
    expect(cmdlines.filter((c) => c.includes(token))).toEqual([]);
  });

  it('shows live values that change over time on every surface', async () => {
    const first = Object.fromEntries((await status()).surfaces.map((x) => [x.id, x.heartbeat!.sample]));
    // The day's counters move on, as during working hours (every surface shows one of them).
    let step = 0;
    const ticking = setInterval(() => {
      step++;
      hub.publish(
        COUNTERS.map((metric, i) => ({
          topic: 'econ.live' as const,
          key: metric,
          source: 'test',
          time: Date.now(),
          payload: { metric, value: 100_000 + i * 1000 + step * 7, sourceSystem: 'Hệ thống thử' },
        })),
      );
    }, 500);
    const later = await until(
      'every surface to paint a new value',
      async () => {
        const st = await status();
        return st.surfaces.every((x) => x.heartbeat && x.heartbeat.sample !== first[x.id]) ? st : undefined;
      },
      60_000,
    ).finally(() => clearInterval(ticking));
    for (const x of later.surfaces) {
      expect(x.heartbeat!.tiles).toBeGreaterThan(3);
      expect(x.heartbeat!.tileErrors).toBe(0);
      expect(x.heartbeat!.sample).toMatch(/\d/);
    }
  });

  it('paints each monitor (screenshots are neither blank nor frozen)', async () => {
    const env = { ...process.env, DISPLAY: wall.display };
    const grab = (i: number, tag: string): string => {
      const m = wall.monitors[i]!;
      const file = join(shots, `monitor-${i}-${tag}.png`);
      execFileSync('import', ['-window', 'root', '-crop', `${m.width}x${m.height}+${m.x}+${m.y}`, '+repage', file], {
        env,
      });
      return file;
    };
    const before = wall.monitors.map((_, i) => grab(i, 'a'));
    await new Promise((r) => setTimeout(r, 2500));
    const after = wall.monitors.map((_, i) => grab(i, 'b'));
    for (let i = 0; i < before.length; i++) {
      const spread = Number(
        execFileSync('convert', [before[i]!, '-colorspace', 'gray', '-format', '%[fx:standard_deviation]', 'info:'], {
          encoding: 'utf8',
        }),
      );
      expect(spread, `monitor ${i} looks blank`).toBeGreaterThan(0.02);
      let changed: number;
      try {
        execFileSync('compare', ['-metric', 'AE', before[i]!, after[i]!, 'null:'], { encoding: 'utf8', stdio: 'pipe' });
        changed = 0;
      } catch (err) {
        changed = Number(
          String((err as { stderr: Buffer }).stderr)
            .trim()
            .split(' ')[0],
        );
      }
      expect(changed, `monitor ${i} did not change in 2.5 s`).toBeGreaterThan(0);
    }
  });

  it('restarts a wall window that was killed', async () => {
    const s = await status();
    const victim = s.surfaces[1]!;
    process.kill(victim.window.pid!, 'SIGKILL');
    const back = await until(
      'the window to come back',
      async () => {
        const st = await status();
        const w = st.surfaces.find((x) => x.id === victim.id)!;
        return w.window.restarts >= 1 && w.window.state === 'open' && w.window.pid !== victim.window.pid
          ? w
          : undefined;
      },
      30_000,
    );
    expect(back.window.pid).toBeGreaterThan(0);
  });

  it('restarts a hung wall window (no heartbeat) and logs it', async () => {
    const s = await until(
      'both windows open',
      async () => {
        const st = await status();
        return st.surfaces.every((x) => x.window.state === 'open') ? st : undefined;
      },
      30_000,
    );
    const victim = s.surfaces[0]!;
    process.kill(-victim.window.pid!, 'SIGSTOP'); // the whole window freezes: browser, renderer, GPU processes
    const back = await until(
      'the watchdog to restart it',
      async () => {
        const st = await status();
        const w = st.surfaces.find((x) => x.id === victim.id)!;
        return w.window.state === 'open' && w.window.pid !== victim.window.pid ? st : undefined;
      },
      60_000,
    );
    expect(back.windowEvents.some((e) => e.surfaceId === victim.id && e.event === 'restarted-by-watchdog')).toBe(true);
  });
});
