import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellPaths } from './paths.js';
import {
  BRIDGE_ARG_PREFIX,
  WALL_BACKGROUND,
  consoleWindowOptions,
  encodeBridgeArgument,
  secureWebPreferences,
  wallWindowOptions,
} from './window-options.js';

const params = { bridgeUrl: 'http://127.0.0.1:41234', token: 'abcdefghijklmnop', surfaceId: 'wall-1' };
const surface = { id: 'wall-1', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node, webviews and insecure content out', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', params, false);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('passes the bridge parameters as one additional argument', () => {
    const [arg, ...rest] = secureWebPreferences('/p', params, true).additionalArguments ?? [];
    expect(rest).toEqual([]);
    expect(arg?.startsWith(BRIDGE_ARG_PREFIX)).toBe(true);
    expect(JSON.parse(decodeURIComponent((arg as string).slice(BRIDGE_ARG_PREFIX.length)))).toEqual(params);
  });
});

describe('encodeBridgeArgument', () => {
  it('is one plain token: no spaces, quotes or extra "="', () => {
    const value = encodeBridgeArgument(params).slice(BRIDGE_ARG_PREFIX.length);
    expect(value).toMatch(/^[A-Za-z0-9%._~*'()!-]+$/);
  });
});

describe('wallWindowOptions', () => {
  it('is a frameless window exactly over the surface, dark before the page paints', () => {
    const options = wallWindowOptions(surface, secureWebPreferences('/p', params, false));
    expect(options).toMatchObject({
      x: 1920,
      y: 0,
      width: 1920,
      height: 1080,
      frame: false,
      skipTaskbar: true,
      autoHideMenuBar: true,
      backgroundColor: WALL_BACKGROUND,
    });
    expect(options.webPreferences?.sandbox).toBe(true);
  });
});

describe('consoleWindowOptions', () => {
  it('centres an ordinary framed window on the primary monitor', () => {
    const options = consoleWindowOptions({ x: 0, y: 0, width: 1920, height: 1080 }, {});
    expect(options).toMatchObject({ x: 240, y: 90, width: 1440, height: 900 });
    expect(options.frame).toBeUndefined();
  });

  it('fits a small monitor and lets the OS place it when none is known', () => {
    expect(consoleWindowOptions({ x: 100, y: 0, width: 1280, height: 720 }, {})).toMatchObject({
      x: 100,
      width: 1280,
      height: 720,
    });
    expect(consoleWindowOptions(null, {})).not.toHaveProperty('x');
  });
});

describe('shellPaths', () => {
  it('finds the rest of the build from dist/main/electron', () => {
    const paths = shellPaths('/opt/app/dist/main/electron');
    expect(paths).toEqual({
      distRoot: path.resolve('/opt/app/dist'),
      rendererDir: path.resolve('/opt/app/dist/renderer'),
      hostCli: path.resolve('/opt/app/dist/main/host/cli.js'),
      preload: path.resolve('/opt/app/dist/main/electron/preload.cjs'),
    });
  });
});
