// The host as an Electron utility process: a Node process outside Electron's main thread (better-sqlite3
// blocks its thread), talking over parentPort with the messages of src/contract/shell-ipc.ts.
import { utilityProcess } from 'electron';
import type { HostToShell, ShellToHost } from '../../src/contract/shell-ipc.js';
import { parseHostMessage, shellMessage } from './host-messages.js';

export interface HostProcessOptions {
  /** dist/main/host/cli.js */
  cliPath: string;
  args: string[];
  cwd: string;
  onMessage: (message: HostToShell) => void;
  onExit: (code: number) => void;
}

export interface HostProcess {
  /** Validated, then posted; dropped once the host has exited. */
  post(message: ShellToHost): void;
  /** SIGTERM on POSIX (utilityProcess.kill), so the host can close its database cleanly. */
  stop(): void;
  /** Last resort when the host ignores stop(). */
  forceKill(): void;
  readonly running: boolean;
}

export function forkHost(options: HostProcessOptions): HostProcess {
  const child = utilityProcess.fork(options.cliPath, options.args, {
    serviceName: 'ioc-wall-host',
    // stdout/stderr go to our terminal; stdin cannot be anything but 'ignore' for a utility process.
    stdio: 'inherit',
    cwd: options.cwd,
    env: { ...process.env },
  });
  let running = true;
  let pid: number | undefined;
  child.on('spawn', () => {
    pid = child.pid;
  });
  child.on('message', (raw: unknown) => {
    const message = parseHostMessage(raw);
    if (message !== null) options.onMessage(message);
  });
  child.on('error', (type, location) => {
    // 'exit' always follows, which is where the shell reacts.
    console.error(`[electron] host process error ${type} at ${location}`);
  });
  child.on('exit', (code) => {
    running = false;
    options.onExit(code);
  });
  return {
    post(message) {
      // After the host exits, the windows closing behind it still report: nobody is left to tell.
      if (!running) return;
      // Messages posted before the host listens are queued: its parentPort starts with its first listener.
      child.postMessage(shellMessage(message));
    },
    stop() {
      if (running) child.kill();
    },
    forceKill() {
      if (!running || pid === undefined) return;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone between the check and the kill.
      }
    },
    get running() {
      return running;
    },
  };
}
