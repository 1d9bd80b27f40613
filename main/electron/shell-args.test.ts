import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseShellArgv } from './shell-args.js';

const dev = { defaultApp: true, defaultDataDir: '/home/op/.local/share/ioc-wall' };
const packaged = { defaultApp: false, defaultDataDir: null };

describe('parseShellArgv', () => {
  it('forwards the CLI args after the app path, without --shell', () => {
    const launch = parseShellArgv(
      [
        '/x/electron',
        'dist/main/electron/main.js',
        'start',
        '--shell',
        'electron',
        '--data-dir',
        '/tmp/w',
        '--port',
        '0',
      ],
      dev,
    );
    expect(launch).toEqual({ mode: 'start', hostArgs: ['--data-dir', '/tmp/w', '--port', '0'], dataDir: '/tmp/w' });
  });

  it('skips what Playwright and Node put before the app path', () => {
    const launch = parseShellArgv(
      [
        '/x/electron',
        '--no-sandbox',
        '-r',
        '/pw/loader.js',
        '--inspect=0',
        '--remote-debugging-port=0',
        'dist/main/electron/main.js',
        'start',
        '--shell=electron',
        '--locale',
        'en',
      ],
      dev,
    );
    expect(launch).toEqual({ mode: 'start', hostArgs: ['--locale', 'en'], dataDir: dev.defaultDataDir });
  });

  it('drops Chromium switches in a packaged app, where there is no app path', () => {
    const launch = parseShellArgv(
      ['/opt/IOC Wall/ioc-wall', '--no-sandbox', 'start', '--hub', 'ws://hub:7000'],
      packaged,
    );
    expect(launch).toEqual({ mode: 'start', hostArgs: ['--hub', 'ws://hub:7000'], dataDir: null });
  });

  it('starts when there is no subcommand (a desktop entry) or only options', () => {
    expect(parseShellArgv(['/opt/ioc-wall'], packaged)).toEqual({ mode: 'start', hostArgs: [], dataDir: null });
    expect(parseShellArgv(['/opt/ioc-wall', '--data-dir=rel/dir'], packaged)).toEqual({
      mode: 'start',
      hostArgs: ['--data-dir=rel/dir'],
      dataDir: path.resolve('rel/dir'),
    });
  });

  it('passes other subcommands and --help through to the host unchanged', () => {
    expect(parseShellArgv(['/opt/ioc-wall', 'hub', '--demo', '--port', '7000'], packaged)).toEqual({
      mode: 'passthrough',
      hostArgs: ['hub', '--demo', '--port', '7000'],
      dataDir: null,
    });
    expect(parseShellArgv(['/opt/ioc-wall', '--help'], packaged).mode).toBe('passthrough');
  });

  it('takes the last --data-dir, as commander does', () => {
    const launch = parseShellArgv(['e', 'main.js', 'start', '--data-dir', '/a', '--data-dir=/b'], dev);
    expect(launch.dataDir).toBe('/b');
  });
});

describe('defaultDataDir', () => {
  it('follows XDG on Linux', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, '/home/op', 'linux')).toBe('/xdg/ioc-wall');
    expect(defaultDataDir({}, '/home/op', 'linux')).toBe('/home/op/.local/share/ioc-wall');
    expect(defaultDataDir({ XDG_DATA_HOME: '' }, '/home/op', 'linux')).toBe('/home/op/.local/share/ioc-wall');
  });

  it("leaves Electron's default elsewhere", () => {
    expect(defaultDataDir({}, 'C:\\Users\\op', 'win32')).toBeNull();
  });
});
