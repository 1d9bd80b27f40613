// The browser shell: one Chromium `--app` window per surface, placed on its monitor, each with its own
// profile. A window that exits without being asked is started again (the thin-client wall PCs run this way).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Surface, WindowState } from '../../../src/contract/wall.js';
import type { Logger } from '../../../platform/logger.js';
import { QUIET_CHROMIUM_FLAGS, softwareGlFlags } from './chromium-flags.js';

export interface BrowserShellOptions {
  chromium: string;
  display: string;
  profilesDir: string;
  /** Page address of a surface, with a one-time launch code (never the token: argv is readable by others). */
  urlFor: (surface: Surface) => string;
  onWindow: (surfaceId: string, state: WindowState, pid: number | null) => void;
  logger: Logger;
  restartDelayMs?: number;
  locale?: 'vi' | 'en';
}

function chromiumArgs(
  surface: Surface,
  url: string,
  profile: string,
  asRoot: boolean,
  locale: 'vi' | 'en' = 'vi',
): string[] {
  const { x, y, width, height } = surface.bounds;
  return [
    `--app=${url}`,
    `--window-position=${x},${y}`,
    `--window-size=${width},${height}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...QUIET_CHROMIUM_FLAGS,
    '--disable-features=Translate,TranslateUI,MediaRouter',
    '--password-store=basic',
    '--noerrdialogs',
    '--hide-crash-restore-bubble',
    '--autoplay-policy=no-user-gesture-required',
    '--test-type',
    `--lang=${locale === 'vi' ? 'vi' : 'en-US'}`,
    ...softwareGlFlags('x11'),
    // Chromium refuses to run as root with its sandbox on; wall PCs run as a normal user and keep it.
    ...(asRoot ? ['--no-sandbox'] : []),
  ];
}

export class BrowserShell {
  private readonly children = new Map<string, ChildProcess>();
  /** Where each surface's window goes now: consolidation moves surfaces, and a restart must use the new place. */
  private readonly current = new Map<string, Surface>();
  /** Windows ended on purpose to be opened elsewhere: not a crash, and opened again at once. */
  private readonly moving = new Set<string>();
  private stopping = false;

  constructor(private readonly options: BrowserShellOptions) {}

  open(surfaces: readonly Surface[]): void {
    for (const s of surfaces) this.launch(s);
  }

  /**
   * Moves windows to their surfaces' new places. A Chromium `--app` window cannot be moved from outside
   * without a window manager, so the window is ended and opened again at the new place (about a second).
   */
  move(surfaces: readonly Surface[]): void {
    for (const s of surfaces) {
      this.current.set(s.id, s);
      const child = this.children.get(s.id);
      if (!child?.pid) continue;
      this.moving.add(s.id);
      killGroup(child.pid, 'SIGKILL');
    }
  }

  private launch(surface: Surface): void {
    const { options } = this;
    this.current.set(surface.id, surface);
    const profile = join(options.profilesDir, surface.id);
    mkdirSync(profile, { recursive: true });
    // A killed Chromium leaves its singleton lock behind; the next start must not be refused by it.
    for (const f of ['SingletonLock', 'SingletonSocket', 'SingletonCookie']) rmSync(join(profile, f), { force: true });
    disableTranslateBubble(profile);
    const args = chromiumArgs(surface, options.urlFor(surface), profile, process.getuid?.() === 0, options.locale);
    const child = spawn(options.chromium, args, {
      // On Linux Chromium takes its language from the environment, not --lang.
      env: { ...process.env, DISPLAY: options.display, LANGUAGE: options.locale === 'en' ? 'en_US' : 'vi' },
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
      const moved = this.moving.delete(surface.id);
      const crashed = !moved && (signal !== null || code !== 0);
      options.onWindow(surface.id, crashed ? 'crashed' : 'exited', null);
      if (!moved) options.logger.warn('wall window ended; starting it again', { surface: surface.id, code, signal });
      setTimeout(
        () => {
          if (!this.stopping) this.launch(this.current.get(surface.id) ?? surface);
        },
        moved ? 0 : (options.restartDelayMs ?? 1000),
      );
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

/** A wall is no place for "Translate this page?": turn it off in the window's profile before it starts. */
function disableTranslateBubble(profile: string): void {
  const file = join(profile, 'Default', 'Preferences');
  let prefs: Record<string, unknown> = {};
  try {
    prefs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // a new profile, or one Chromium left half-written: start from nothing
  }
  prefs.translate = { ...(prefs.translate as object | undefined), enabled: false };
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(file, JSON.stringify(prefs));
}
