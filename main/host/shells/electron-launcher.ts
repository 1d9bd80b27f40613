// `--shell electron` from the Node CLI: find the Electron binary and run the shell (dist/main/electron/main.js)
// with the CLI's own arguments; the shell then runs the host again as its utility process.
//
// The `electron` package is never `require`d: its index.js downloads the binary when it is missing
// (Electron 42+ fetches it lazily), and this machine must never try that. We read what index.js reads.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { ELECTRON_MAIN } from '../app-paths.js';

export type ElectronBinary = { path: string } | { missing: string };

const require = createRequire(import.meta.url);

/** The executable inside an Electron dist, as the package's install.js names it. */
function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the Electron binary is, or why there is none. Follows node_modules/electron/index.js without
 * running it: `path.txt` names the executable inside `dist/`, and ELECTRON_OVERRIDE_DIST_PATH replaces `dist/`.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  let version = '?';
  try {
    const manifest = require.resolve('electron/package.json');
    packageDir = dirname(manifest);
    version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? version;
  } catch {
    return { missing: 'the electron package is not installed (it is a devDependency: run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const binary = join(override, relative ?? platformExecutable(process.platform));
    return isExecutable(binary)
      ? { path: binary }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${binary} is not an executable` };
  }
  const howToGetIt =
    `Electron ${version} downloads its binary on first use, which needs the internet: run \`npx install-electron\` ` +
    `where it is reachable, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${version} dist`;
  if (relative === null || relative === '') {
    return { missing: `the Electron binary has not been downloaded (${pathFile} is absent). ${howToGetIt}` };
  }
  const binary = join(packageDir, 'dist', relative);
  if (!isExecutable(binary)) return { missing: `the Electron binary ${binary} is missing. ${howToGetIt}` };
  return { path: binary };
}

/** Chromium refuses to start as root without --no-sandbox; say so instead of failing obscurely. */
function chromiumSwitches(): string[] {
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    process.stderr.write('ioc-wall: running as root, so Electron runs without the Chromium sandbox (--no-sandbox)\n');
    return ['--no-sandbox'];
  }
  return [];
}

/**
 * Runs the Electron shell with the CLI arguments (e.g. `start --shell electron --data-dir X`) and resolves
 * with its exit code (128 + signal number when a signal ended it). Rejects when it cannot start at all.
 */
export function launchElectronShell(cliArgs: string[]): Promise<number> {
  const binary = findElectronBinary();
  if ('missing' in binary) return Promise.reject(new Error(`cannot start the Electron shell: ${binary.missing}`));
  if (!existsSync(ELECTRON_MAIN)) {
    return Promise.reject(
      new Error(`the Electron shell is not built (${ELECTRON_MAIN} is missing): run npm run build`),
    );
  }
  const env = { ...process.env };
  // With this set Electron behaves as plain Node, and main.js would fail to load `electron`.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary.path, [...chromiumSwitches(), ELECTRON_MAIN, ...cliArgs], { stdio: 'inherit', env });

  return new Promise((resolve, reject) => {
    // The shell quits in order on these (and stops the host); keep this process alive until it has.
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const signal of signals) process.on(signal, forward);
    const done = (): void => {
      for (const signal of signals) process.off(signal, forward);
    };
    child.once('error', (error) => {
      done();
      reject(new Error(`cannot start the Electron shell (${binary.path}): ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal === null ? 0 : (os.constants.signals[signal] ?? 0)));
    });
  });
}
