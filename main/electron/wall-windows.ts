// The shell's windows: one per wall surface, plus the operator console when the host enables it. Each wall
// window's life (starting → open → crashed/exited) is reported to the host, which owns the health picture.
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ShellToHost } from '../../src/contract/shell-ipc.js';
import type { Rect, Surface } from '../../src/contract/wall.js';
import { appPageUrl } from './app-protocol.js';
import { consoleWindowOptions, secureWebPreferences, wallWindowOptions } from './window-options.js';

export type WindowReport = Extract<ShellToHost, { type: 'window' }>;

export interface WallWindowsOptions {
  preload: string;
  /** DevTools only outside a packaged build. */
  devTools: boolean;
  report: (message: WindowReport) => void;
  /** Pause before a crashed page is loaded again, so a page that crashes at once does not spin. */
  crashReloadDelayMs?: number;
}

export interface BridgeAddress {
  bridgeUrl: string;
  /** The console window's token. */
  token: string;
  /** The wall windows' token: read-only. */
  wallToken: string;
}

interface WallWindow {
  window: BrowserWindow;
  surface: Surface;
  url: string;
  /** The renderer's OS pid while the page is up, reported with crashes too. */
  pid: number | null;
  reloadTimer: NodeJS.Timeout | null;
}

const DEFAULT_CRASH_RELOAD_DELAY_MS = 2000;
/** Chromium's "navigation aborted" (a newer navigation replaced it): not a failure. */
const ERR_ABORTED = -3;

/**
 * Every shell window is made here. The switches that keep Node out of the page are restated literally at the
 * constructor, after whatever the options say: no options builder can turn them off, and static checkers
 * (electronegativity) see them where the window is created.
 */
function createSecureWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export class WallWindows {
  readonly #options: WallWindowsOptions;
  readonly #walls = new Map<string, WallWindow>();
  #console: BrowserWindow | null = null;
  #bridgeKey: string | null = null;

  constructor(options: WallWindowsOptions) {
    this.#options = options;
  }

  /**
   * Makes the windows match the host's word: opens missing surfaces, moves those whose bounds changed,
   * closes those that are gone. Idempotent, so the host may send `ready` again after a display change.
   */
  apply(bridge: BridgeAddress, surfaces: readonly Surface[], consoleEnabled: boolean, primary: Rect | null): void {
    const bridgeKey = `${bridge.bridgeUrl} ${bridge.token} ${bridge.wallToken}`;
    if (this.#bridgeKey !== null && this.#bridgeKey !== bridgeKey) {
      // The preload got the old address through its process arguments: only new windows learn the new one.
      this.closeAll();
    }
    this.#bridgeKey = bridgeKey;
    const wanted = new Set(surfaces.map((surface) => surface.id));
    for (const [id, wall] of this.#walls) {
      if (!wanted.has(id)) this.#retire(wall);
    }
    for (const surface of surfaces) {
      const existing = this.#walls.get(surface.id);
      if (existing === undefined) this.#openWall(bridge, surface);
      else if (!sameRect(existing.surface.bounds, surface.bounds)) this.#move(existing, surface);
      else existing.surface = surface;
    }
    if (consoleEnabled && this.#console === null) this.#openConsole(bridge, primary);
    if (!consoleEnabled && this.#console !== null) {
      this.#console.close();
      this.#console = null;
    }
  }

  /** Brings the console (or else the first wall window) forward, e.g. when a second instance starts. */
  focus(): void {
    const target = this.#console ?? this.#walls.values().next().value?.window;
    if (target === undefined || target.isDestroyed()) return;
    if (target.isMinimized()) target.restore();
    target.focus();
  }

  closeAll(): void {
    for (const wall of [...this.#walls.values()]) this.#retire(wall);
    this.#console?.close();
    this.#console = null;
  }

  /** Forgets the window at once (so a replacement can open) and closes it; 'closed' follows later. */
  #retire(wall: WallWindow): void {
    if (this.#walls.get(wall.surface.id) === wall) this.#walls.delete(wall.surface.id);
    if (!wall.window.isDestroyed()) wall.window.close();
  }

  #openWall(bridge: BridgeAddress, surface: Surface): void {
    const prefs = secureWebPreferences(
      this.#options.preload,
      { bridgeUrl: bridge.bridgeUrl, token: bridge.wallToken, surfaceId: surface.id },
      this.#options.devTools,
    );
    const window = createSecureWindow(wallWindowOptions(surface, prefs));
    window.removeMenu();
    this.#devToolsKey(window);
    const wall: WallWindow = {
      window,
      surface,
      url: appPageUrl(`/wall/${encodeURIComponent(surface.id)}`),
      pid: null,
      reloadTimer: null,
    };
    this.#walls.set(surface.id, wall);
    const report = (state: WindowReport['state']): void =>
      this.#options.report({ type: 'window', surfaceId: surface.id, state, pid: wall.pid });

    // Fullscreen once the window is on its monitor: the window manager then fullscreens it there.
    window.once('ready-to-show', () => window.setFullScreen(true));
    window.webContents.on('did-finish-load', () => {
      wall.pid = window.webContents.getOSProcessId();
      report('open');
    });
    window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      if (!isMainFrame || errorCode === ERR_ABORTED) return;
      console.error(`[electron] ${surface.id}: ${validatedURL} failed to load (${errorDescription}); retrying`);
      this.#scheduleReload(wall, report);
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      console.error(`[electron] ${surface.id}: renderer gone (${details.reason}, exit ${details.exitCode})`);
      report('crashed');
      wall.pid = null;
      this.#scheduleReload(wall, report);
    });
    window.on('unresponsive', () => console.warn(`[electron] ${surface.id}: page unresponsive`));
    window.on('closed', () => {
      if (wall.reloadTimer !== null) clearTimeout(wall.reloadTimer);
      if (this.#walls.get(surface.id) === wall) this.#walls.delete(surface.id);
      wall.pid = null;
      // A window replaced by a newer one for the same surface stays quiet: the newer one reports.
      if (!this.#walls.has(surface.id)) report('exited');
    });

    report('starting');
    void window.loadURL(wall.url).catch((error: unknown) => {
      // did-fail-load has logged it and schedules the retry; this only keeps the rejection handled.
      if (!window.isDestroyed()) console.error(`[electron] ${surface.id}: loadURL:`, error);
    });
  }

  /** There is no menu (so no default DevTools shortcut); outside packaged builds F12 opens them. */
  #devToolsKey(window: BrowserWindow): void {
    if (!this.#options.devTools) return;
    window.webContents.on('before-input-event', (event, input) => {
      if (input.type !== 'keyDown' || input.key !== 'F12') return;
      event.preventDefault();
      window.webContents.toggleDevTools();
    });
  }

  #scheduleReload(wall: WallWindow, report: (state: WindowReport['state']) => void): void {
    if (wall.reloadTimer !== null) return;
    wall.reloadTimer = setTimeout(() => {
      wall.reloadTimer = null;
      if (wall.window.isDestroyed()) return;
      report('starting');
      void wall.window.loadURL(wall.url).catch(() => undefined);
    }, this.#options.crashReloadDelayMs ?? DEFAULT_CRASH_RELOAD_DELAY_MS);
  }

  #move(wall: WallWindow, surface: Surface): void {
    wall.surface = surface;
    const { window } = wall;
    // Leave fullscreen first: a fullscreen window ignores setBounds on most window managers.
    window.setFullScreen(false);
    window.setBounds(surface.bounds);
    window.setFullScreen(true);
  }

  #openConsole(bridge: BridgeAddress, primary: Rect | null): void {
    const prefs = secureWebPreferences(
      this.#options.preload,
      { bridgeUrl: bridge.bridgeUrl, token: bridge.token },
      this.#options.devTools,
    );
    const window = createSecureWindow(consoleWindowOptions(primary, prefs));
    this.#devToolsKey(window);
    this.#console = window;
    window.on('closed', () => {
      if (this.#console === window) this.#console = null;
    });
    void window.loadURL(appPageUrl('/console')).catch((error: unknown) => {
      if (!window.isDestroyed()) console.error('[electron] console: loadURL:', error);
    });
  }
}
