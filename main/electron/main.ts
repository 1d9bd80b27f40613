// Electron main: a thin shell. It reports the displays to the host (a utility process that owns all state),
// serves the renderer bundle over app://, and draws the windows the host asks for.
import { launch, primaryInstance } from './startup.js'; // first: its side effects must precede `ready`
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, Menu, protocol, screen, session } from 'electron';
import type { Monitor } from '../../src/contract/wall.js';
import { APP_SCHEME, createAppRequestHandler } from './app-protocol.js';
import { buildContentSecurityPolicy } from './csp.js';
import { monitorsFromDisplays } from './displays.js';
import { forkHost } from './host-process.js';
import { shellPaths } from './paths.js';
import { denyAllPermissions, restrictRequests } from './security.js';
import { WallWindows } from './wall-windows.js';

const paths = shellPaths(path.dirname(fileURLToPath(import.meta.url)));
/** How long the host gets to shut down after SIGTERM before it is killed. */
const HOST_STOP_GRACE_MS = 5000;
/** Display changes arrive in bursts (a monitor wakes up: added, then metrics changed). */
const DISPLAY_DEBOUNCE_MS = 750;
const READY_WARNING_MS = 60_000;

function currentMonitors(): Monitor[] {
  return monitorsFromDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
}

/** `ioc-wall hub`, `--help` and the like: the host runs on its own, the shell only waits for it. */
function runPassthrough(): void {
  const host = forkHost({
    cliPath: paths.hostCli,
    args: launch.hostArgs,
    cwd: process.cwd(),
    onMessage: (message) => console.warn(`[electron] unexpected ${message.type} message from the host`),
    onExit: (code) => app.exit(code),
  });
  // The host handles Ctrl+C itself (same terminal); the shell only makes sure it is asked, then waits.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => host.stop());
}

function runWall(): void {
  const indexHtml = path.join(paths.rendererDir, 'index.html');
  if (!existsSync(indexHtml)) {
    console.error(`[electron] the renderer is not built (${indexHtml} is missing): run \`npm run build\``);
    app.exit(1);
    return;
  }

  let bridgeUrl: string | null = null;
  let mediaOrigins: readonly string[] = [];
  let quitRequested = false;
  let fatal = false;

  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler({
      root: paths.rendererDir,
      contentSecurityPolicy: () => buildContentSecurityPolicy(bridgeUrl, mediaOrigins),
    }),
  );
  restrictRequests(
    session.defaultSession,
    () => bridgeUrl,
    () => mediaOrigins,
  );

  const readyWarning = setTimeout(
    () => console.warn(`[electron] the host has not said "ready" after ${READY_WARNING_MS / 1000} s; still waiting`),
    READY_WARNING_MS,
  );

  const host = forkHost({
    cliPath: paths.hostCli,
    args: ['start', ...launch.hostArgs, '--shell', 'electron'],
    cwd: process.cwd(),
    onMessage: (message) => {
      if (message.type === 'fatal') {
        fatal = true;
        console.error(`[electron] the host failed: ${message.message}`);
        // The host is expected to exit on its own; make sure it does.
        setTimeout(() => host.stop(), HOST_STOP_GRACE_MS).unref();
        return;
      }
      clearTimeout(readyWarning);
      bridgeUrl = message.bridgeUrl;
      mediaOrigins = message.mediaOrigins;
      let primary: Monitor | undefined;
      try {
        primary = currentMonitors().find((monitor) => monitor.primary);
      } catch {
        primary = undefined;
      }
      windows.apply(
        { bridgeUrl: message.bridgeUrl, token: message.token, wallToken: message.wallToken },
        message.surfaces,
        message.consoleEnabled,
        primary ?? null,
      );
    },
    onExit: (code) => {
      clearTimeout(readyWarning);
      windows.closeAll();
      // Our own quit ends with 0 whatever the signal did to the host; otherwise the host's code tells.
      const exitCode = quitRequested ? 0 : fatal && code === 0 ? 1 : code;
      if (!quitRequested) console.error(`[electron] the host exited with code ${code}`);
      app.exit(exitCode);
    },
  });

  // Created after the host (its handlers run later, asynchronously); it reports window states to the host.
  const windows = new WallWindows({
    preload: paths.preload,
    devTools: !app.isPackaged,
    report: (message) => host.post(message),
  });

  const postDisplays = (): void => {
    try {
      host.post({ type: 'displays', monitors: currentMonitors() });
    } catch (error) {
      console.error('[electron] could not describe the displays:', error);
    }
  };
  postDisplays();
  let displayTimer: NodeJS.Timeout | null = null;
  const displaysChanged = (): void => {
    if (displayTimer !== null) clearTimeout(displayTimer);
    displayTimer = setTimeout(() => {
      displayTimer = null;
      postDisplays();
    }, DISPLAY_DEBOUNCE_MS);
  };
  screen.on('display-added', displaysChanged);
  screen.on('display-removed', displaysChanged);
  screen.on('display-metrics-changed', displaysChanged);

  app.on('second-instance', () => windows.focus());
  // Closing every window means "stop the wall".
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!host.running) return;
    // Keep running until the host has closed its database; onExit then ends the app.
    event.preventDefault();
    if (quitRequested) return;
    quitRequested = true;
    host.stop();
    setTimeout(() => {
      console.error('[electron] the host did not stop in time; killing it');
      host.forceKill();
    }, HOST_STOP_GRACE_MS).unref();
  });
  // Ctrl+C in the terminal or a service manager's SIGTERM: the same orderly quit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

async function main(): Promise<void> {
  if (!primaryInstance) {
    console.error('[electron] IOC Wall already runs with this data dir; its window was brought forward.');
    app.exit(0);
    return;
  }
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') {
      console.error(`[electron] ${details.type} process ${details.name ?? ''} gone: ${details.reason}`);
    }
  });
  await app.whenReady();
  Menu.setApplicationMenu(null);
  denyAllPermissions(session.defaultSession);
  if (launch.mode === 'passthrough') runPassthrough();
  else runWall();
}

main().catch((error: unknown) => {
  console.error('[electron] startup failed:', error);
  app.exit(1);
});
