// The options of every window the shell opens. Pure (electron types only), so the security-relevant
// webPreferences are unit-tested; wall-windows.ts passes them to new BrowserWindow.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { BridgeParams } from '../../src/contract/bridge.js';
import type { Rect, Surface } from '../../src/contract/wall.js';
import { MESSAGES } from '../../src/i18n/messages.js';

/** The switch preload.cts reads from process.argv. Keep both in step (a unit test checks it). */
export const BRIDGE_ARG_PREFIX = '--ioc-bridge=';

/** The wall's background, also painted before the page loads so a monitor never flashes white. */
export const WALL_BACKGROUND = '#0b0f14';

/**
 * additionalArguments are appended to the preload's process.argv. The JSON is percent-encoded so that the
 * value is one plain token whatever it holds (no quotes, spaces or "=" surprises on a command line).
 */
export function encodeBridgeArgument(params: BridgeParams): string {
  return BRIDGE_ARG_PREFIX + encodeURIComponent(JSON.stringify(params));
}

/**
 * The Electron security checklist, explicitly (most are defaults, stated so that a regression shows):
 * isolated, sandboxed, no Node, web security on, no <webview>, no insecure content, no experimental features.
 */
export function secureWebPreferences(preload: string, params: BridgeParams, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
    additionalArguments: [encodeBridgeArgument(params)],
  };
}

/** A wall surface: frameless and exactly over its monitor, like a kiosk, with no menu or taskbar entry. */
export function wallWindowOptions(
  surface: Pick<Surface, 'id' | 'bounds'>,
  webPreferences: WebPreferences,
): BrowserWindowConstructorOptions {
  return {
    x: surface.bounds.x,
    y: surface.bounds.y,
    width: surface.bounds.width,
    height: surface.bounds.height,
    title: `IOC Wall — ${surface.id}`,
    frame: false,
    // Fullscreen is applied after the window sits on its monitor (wall-windows.ts): set in the constructor
    // some platforms put the window on the primary display instead.
    fullscreen: false,
    skipTaskbar: true,
    autoHideMenuBar: true,
    backgroundColor: WALL_BACKGROUND,
    show: true,
    webPreferences,
  };
}

/** The operator console: an ordinary window, on the primary monitor when it is known. */
export function consoleWindowOptions(
  primary: Rect | null,
  webPreferences: WebPreferences,
): BrowserWindowConstructorOptions {
  const width = primary === null ? 1440 : Math.min(1440, primary.width);
  const height = primary === null ? 900 : Math.min(900, primary.height);
  const position =
    primary === null
      ? {}
      : {
          x: primary.x + Math.round((primary.width - width) / 2),
          y: primary.y + Math.round((primary.height - height) / 2),
        };
  return {
    ...position,
    width,
    height,
    // The page retitles itself in its locale once loaded (ConsolePage); until then, Vietnamese first.
    title: `${MESSAGES.vi.console.title} – IOC Wall`,
    autoHideMenuBar: true,
    backgroundColor: WALL_BACKGROUND,
    show: true,
    webPreferences,
  };
}
