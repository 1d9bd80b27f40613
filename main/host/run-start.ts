// `ioc-wall start`: choose the shell, find the monitors, start the host, open the windows.
import { join } from 'node:path';
import type { Monitor } from '../../src/contract/wall.js';
import { virtualMonitors } from '../../src/domain/default-wall.js';
import { createLogger } from '../../platform/logger.js';
import { watchMonitors } from './displays/monitor-watcher.js';
import { loadWallFile } from './displays/wall-file.js';
import { xrandrMonitors } from './displays/xrandr-monitors.js';
import { type HostConfig, type MonitorSource, type RunningHost, startHost } from './host.js';
import { BrowserShell } from './shells/browser-shell.js';
import { ElectronChannel, electronParentPort } from './shells/electron-child.js';
import { applyPresentMonitors, serveElectronShell } from './shells/electron-session.js';
import { findElectronBinary, launchElectronShell } from './shells/electron-launcher.js';
import { findChromium } from './shells/find-chromium.js';
import { pickShell } from './shells/pick-shell.js';
import { startWindowWatchdog } from './shells/window-watchdog.js';
import type { StartOptions } from './start-options.js';

export class StartError extends Error {}

/** Runs until a signal; resolves with the process exit code. */
export async function runStart(options: StartOptions, argv: readonly string[]): Promise<number> {
  const logger = createLogger('host');
  const parentPort = electronParentPort();
  if (parentPort) return runUnderElectron(options, new ElectronChannel(parentPort, logger));

  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY || undefined;
  const choice = pickShell(options.shell, { electron: findElectronBinary(), display, chromium: findChromium() });
  if ('error' in choice) throw new StartError(choice.error);
  logger.info(`shell: ${choice.kind}`, { reason: choice.reason });
  if (choice.kind === 'electron') return launchElectronShell([...argv]);

  let monitors: Monitor[];
  let monitorSource: MonitorSource;
  let wall: HostConfig['wall'];
  if (options.wall) {
    ({ monitors, ...wall } = await loadWallFile(options.wall));
    monitorSource = 'wall-file';
  } else if (choice.kind === 'browser' && display) {
    monitors = await xrandrMonitors(display);
    monitorSource = 'xrandr';
    if (monitors.length === 0) throw new StartError(`xrandr lists no monitors on display ${display}`);
  } else {
    // Without a display there is no wall to fit: serve every demo surface, so one browser shows the whole product.
    monitors = virtualMonitors();
    monitorSource = 'default';
  }

  const host = await startHost({ options, shell: choice, monitors, monitorSource, wall, logger });
  let browser: BrowserShell | undefined;
  let stopWatchdog = (): void => undefined;
  let stopMonitorWatch = (): void => undefined;
  if (choice.kind === 'browser' && display) {
    browser = new BrowserShell({
      chromium: findChromium() as string,
      display,
      profilesDir: join(options.dataDir, 'window-profiles'),
      locale: options.locale,
      urlFor: (s) => host.launchUrlFor(`/wall/${s.id}`),
      onWindow: (id, state, pid) => host.surfaces.setWindow(id, state, pid),
      logger,
    });
    browser.open(host.surfaces.all());
    const shell = browser;
    stopWatchdog = startWindowWatchdog({ surfaces: host.surfaces, restart: (id) => shell.restart(id), logger });
    // A monitor switched off or unplugged: its surfaces are consolidated onto the others, and come back with it.
    stopMonitorWatch = watchMonitors({
      wall: monitors,
      list: () => xrandrMonitors(display),
      logger,
      onChange: (present) => {
        const moved = applyPresentMonitors(host, present);
        shell.move(host.surfaces.all().filter((s) => moved.includes(s.id)));
      },
    });
  }
  printUrls(host, choice, options.dataDir);
  return waitForSignal(async () => {
    stopMonitorWatch();
    stopWatchdog();
    await browser?.close();
    await host.close();
  });
}

async function runUnderElectron(options: StartOptions, channel: ElectronChannel): Promise<number> {
  const logger = createLogger('host');
  let host: RunningHost;
  let monitors: Monitor[];
  try {
    const file = options.wall ? await loadWallFile(options.wall) : undefined;
    monitors = file ? file.monitors : await channel.displays();
    host = await startHost({
      options,
      shell: { kind: 'electron', reason: 'running inside the Electron shell' },
      monitors,
      wall: file,
      monitorSource: options.wall ? 'wall-file' : 'electron',
      logger,
    });
  } catch (err) {
    channel.send({ type: 'fatal', message: (err as Error).message });
    throw err;
  }
  const demo = demoLoginLines(host, options.dataDir);
  if (demo.length > 0) process.stdout.write(`${demo.join('\n')}\n`);
  serveElectronShell(host, channel, {
    wall: monitors,
    consoleEnabled: options.console,
    mediaOrigins: options.mediaOrigins,
    logger,
  });
  return waitForSignal(() => host.close());
}

function printUrls(host: RunningHost, shell: { kind: string; reason: string }, dataDir: string): void {
  const lines = [
    `IOC Wall ${shell.kind === 'headless' ? '(headless: open these addresses in a browser)' : 'is running'}`,
    `  shell: ${shell.kind} — ${shell.reason}`,
    `  console: ${host.urlFor('/console')}`,
    `  presenter: ${host.urlFor('/presenter')}`,
    ...(host.roomUrlFor('/presenter') ? [`  presenter on the room's network: ${host.roomUrlFor('/presenter')}`] : []),
    ...host.surfaces
      .all()
      .map(
        (s) =>
          `  ${s.id} (${s.monitorId} ${s.bounds.width}x${s.bounds.height}+${s.bounds.x}+${s.bounds.y}): ${host.urlFor(`/wall/${s.id}`)}`,
      ),
    `  status: ${host.origin}/api/status?token=${host.token}`,
    ...demoLoginLines(host, dataDir),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The embedded demo hub's person: the password once, on the start that made it; later, how to set a new one. */
function demoLoginLines(host: RunningHost, dataDir: string): string[] {
  const demo = host.demoLogin;
  if (!demo) return [];
  if (demo.password !== null) {
    return [
      '  Tài khoản trình diễn — mật khẩu chỉ hiện một lần, hãy ghi lại (demo account: the password is shown once):',
      `  login: ${demo.user} password: ${demo.password}`,
    ];
  }
  return [
    `  Tài khoản trình diễn: ${demo.user} — đặt mật khẩu mới (set a new password):`,
    `    ioc-wall hub user passwd ${demo.user} --data-dir ${dataDir}`,
  ];
}

function waitForSignal(shutdown: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void shutdown().finally(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
