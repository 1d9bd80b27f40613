// What Electron main was asked to do, read from process.argv. Pure, so it is unit-tested.
//
// `ioc-wall start --shell electron …` runs `electron dist/main/electron/main.js start …`; a packaged app runs
// `ioc-wall-exe start …`; Playwright prepends `--no-sandbox --inspect=0 --remote-debugging-port=0` and AppImage
// launchers may add `--no-sandbox`. Only the ioc-wall CLI arguments must reach the host.
import path from 'node:path';

export type ShellLaunch =
  | {
      /** Open the wall: fork the host with `start …hostArgs --shell electron` and draw its windows. */
      mode: 'start';
      hostArgs: string[];
      /** The host's data dir (from --data-dir or the default); Chromium's profile lives beneath it. */
      dataDir: string | null;
    }
  | {
      /** Any other subcommand (`hub`, `--help` of the CLI): run the host with these args, no windows. */
      mode: 'passthrough';
      hostArgs: string[];
      dataDir: string | null;
    };

/**
 * Switches of Chromium, Electron or Node that may sit in process.argv but are never ioc-wall options.
 * Chromium switches always carry their value after "=", so dropping single tokens is safe.
 */
const FOREIGN_SWITCHES = [
  '--no-sandbox',
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--enable-logging',
  '--v',
  '--vmodule',
  '--log-level',
  '--disable-gpu',
  '--disable-gpu-sandbox',
  '--disable-dev-shm-usage',
  '--ozone-platform',
  '--ozone-platform-hint',
  '--enable-features',
  '--disable-features',
  '--use-gl',
  '--use-angle',
  '--ignore-gpu-blocklist',
  '--enable-unsafe-swiftshader',
  '--force-device-scale-factor',
  '--js-flags',
  '--lang',
  '--user-data-dir',
];

/** Node options that take their value as the next token, so that token is not the app path. */
const VALUED_NODE_OPTIONS = new Set(['-r', '--require', '--import', '--loader']);

function isForeignSwitch(arg: string): boolean {
  const name = arg.split('=', 1)[0] ?? arg;
  return FOREIGN_SWITCHES.includes(name);
}

/** `--name value` or `--name=value`, last one wins (as commander does). */
function optionValue(args: readonly string[], name: string): string | null {
  let value: string | null = null;
  args.forEach((arg, i) => {
    if (arg === name) value = args[i + 1] ?? null;
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  });
  return value;
}

/** The args without any `--shell X` / `--shell=X`: the shell appends its own. */
function withoutShellOption(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--shell') i++;
    else if (!arg.startsWith('--shell=')) out.push(arg);
  }
  return out;
}

/** DESIGN.md: the data dir defaults to $XDG_DATA_HOME/ioc-wall (Linux); elsewhere Electron's default stays. */
export function defaultDataDir(env: Record<string, string | undefined>, home: string, platform: string): string | null {
  if (platform !== 'linux') return null;
  const xdg = env.XDG_DATA_HOME;
  return path.join(xdg !== undefined && xdg !== '' ? xdg : path.join(home, '.local', 'share'), 'ioc-wall');
}

export interface ArgvContext {
  /** process.defaultApp: true when run as `electron <app path> …`, so the app path must be skipped. */
  defaultApp: boolean;
  /** Used when --data-dir is not given. */
  defaultDataDir: string | null;
}

export function parseShellArgv(argv: readonly string[], ctx: ArgvContext): ShellLaunch {
  let rest = argv.slice(1);
  if (ctx.defaultApp) {
    // Everything up to the app path belongs to Electron/Chromium/Node (e.g. `-r loader`, `--inspect=0`).
    const appPathIndex = rest.findIndex(
      (arg, i) => !arg.startsWith('-') && !VALUED_NODE_OPTIONS.has(rest[i - 1] ?? ''),
    );
    rest = appPathIndex === -1 ? [] : rest.slice(appPathIndex + 1);
  }
  rest = rest.filter((arg) => !isForeignSwitch(arg));
  const dataDirArg = optionValue(rest, '--data-dir');
  const dataDir = dataDirArg !== null ? path.resolve(dataDirArg) : ctx.defaultDataDir;
  const [command] = rest;
  if (command === undefined || command === 'start') {
    return { mode: 'start', hostArgs: withoutShellOption(rest.slice(1)), dataDir };
  }
  if (command.startsWith('-') && command !== '--help' && command !== '-h' && command !== '--version') {
    // Options without a subcommand (e.g. a desktop entry running `ioc-wall --data-dir X`): start.
    return { mode: 'start', hostArgs: withoutShellOption(rest), dataDir };
  }
  return { mode: 'passthrough', hostArgs: rest, dataDir };
}
