// The browser shell: one Chromium `--app` window per surface, placed on its monitor, each with its own
// profile. A window that exits without being asked is started again (the thin-client wall PCs run this way).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Surface, WindowState } from '../../../src/contract/wall.js';
import type { Logger } from '../../../hub/logger.js';

export interface BrowserShellOptions {
  chromium: string;
  display: string;
  profilesDir: string;
  /** Page address of a surface, token included. */
  urlFor: (surface: Surface) => string;
  onWindow: (surfaceId: string, state: WindowState, pid: number | null) => void;
  logger: Logger;
  restartDelayMs?: number;
}

export function chromiumArgs(surface: Surface, url: string, profile: string, asRoot: boolean): string[] {
  const { x, y, width, height } = surface.bounds;
  return [
    `--app=${url}`,
    `--window-position=${x},${y}`,
    `--window-size=${width},${height}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,TranslateUI,MediaRouter',
    '--password-store=basic',
    '--noerrdialogs',
    '--hide-crash-restore-bubble',
    '--autoplay-policy=no-user-gesture-required',
    '--test-type',
    // Chromium refuses to run as root with its sandbox on; wall PCs run as a normal user and keep it.
    ...(asRoot ? ['--no-sandbox'] : []),
  ];
}

export class BrowserShell {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(private readonly options: BrowserShellOptions) {}

  open(surfaces: readonly Surface[]): void {
    for (const s of surfaces) this.launch(s);
  }

  private launch(surface: Surface): void {
    const { options } = this;
    const profile = join(options.profilesDir, surface.id);
    mkdirSync(profile, { recursive: true });
    // A killed Chromium leaves its singleton lock behind; the next start must not be refused by it.
    for (const f of ['SingletonLock', 'SingletonSocket', 'SingletonCookie']) rmSync(join(profile, f), { force: true });
    const args = chromiumArgs(surface, options.urlFor(surface), profile, process.getuid?.() === 0);
    const child = spawn(options.chromium, args, {
      env: { ...process.env, DISPLAY: options.display },
      stdio: 'ignore',
      // Its own process group: a hung window is killed with all its renderer and GPU processes at once.
      detached: true,
    });
    this.children.set(surface.id, child);
    options.onWindow(surface.id, 'starting', child.pid ?? null);
    options.logger.info('wall window started', { surface: surface.id, pid: child.pid, bounds: surface.bounds });
    child.on('exit', (code, signal) => {
      if (this.children.get(surface.id) === child) this.children.delete(surface.id);
      if (this.stopping) {
        options.onWindow(surface.id, 'exited', null);
        return;
      }
      const crashed = signal !== null || code !== 0;
      options.onWindow(surface.id, crashed ? 'crashed' : 'exited', null);
      options.logger.warn('wall window ended; starting it again', { surface: surface.id, code, signal });
      setTimeout(() => {
        if (!this.stopping) this.launch(surface);
      }, options.restartDelayMs ?? 1000);
    });
    child.on('error', (err) =>
      options.logger.error('wall window failed to start', { surface: surface.id, error: err.message }),
    );
  }

  /** Kills a window's whole process tree; the exit handler starts it again. */
  restart(surfaceId: string): void {
    const child = this.children.get(surfaceId);
    if (child?.pid) killGroup(child.pid, 'SIGKILL');
  }

  async close(): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          if (c.pid) killGroup(c.pid, 'SIGTERM');
          setTimeout(() => c.pid && killGroup(c.pid, 'SIGKILL'), 3000).unref();
        }),
    );
    await Promise.all(exits);
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
