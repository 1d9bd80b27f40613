// Runs `ioc-wall` as a user would (node bin/ioc-wall.js …) and reads what it prints.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first stdout match of `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(): Promise<number | null>;
  stop(): Promise<void>;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const child = spawn(process.execPath, [resolve(REPO, 'bin/ioc-wall.js'), ...args], {
    cwd: REPO,
    env: { IOC_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor(re, timeoutMs = 30_000) {
      return new Promise((resolvePromise, reject) => {
        const deadline = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`no ${re} in output after ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        const poll = setInterval(() => {
          const m = out.match(re);
          if (m || child.exitCode !== null) {
            clearInterval(poll);
            clearTimeout(deadline);
            if (m) resolvePromise(m);
            else reject(new Error(`ioc-wall exited with ${child.exitCode}\nstdout:\n${out}\nstderr:\n${err}`));
          }
        }, 50);
      });
    },
    exited: () => exit,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exit;
      clearTimeout(timer);
    },
  };
}
