// Where the installed app's files are, found from this module's own place (dist/main/host/ in the package).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder upwards holding our package.json (from dist/ or, in tests, from source). */
const APP_ROOT = findAppRoot(dirname(fileURLToPath(import.meta.url)));

function findAppRoot(from: string): string {
  for (let dir = from; ; dir = resolve(dir, '..')) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ioc-wall') {
      return dir;
    }
    if (resolve(dir, '..') === dir) throw new Error(`ioc-wall package.json not found above ${from}`);
  }
}
export const RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');
export const ELECTRON_MAIN = join(APP_ROOT, 'dist', 'main', 'electron', 'main.js');

export const APP_VERSION: string = (
  JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** `$XDG_DATA_HOME/ioc-wall`, as DESIGN.md fixes it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0 ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'ioc-wall');
}
