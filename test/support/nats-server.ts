// A real nats-server with JetStream on a free loopback port, its store in a folder of the test's, for the tests
// of the JetStream back end. Killed (SIGKILL) by the caller or at the end of the test.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningNats {
  readonly url: string;
  readonly port: number;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
}

/** `port`: a fixed port, to start a server again where its clients expect it (default: any free port). */
export async function startNatsServer(dir: string, port = -1): Promise<RunningNats> {
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'nats-server',
    ['--jetstream', '--addr', '127.0.0.1', '--port', String(port), '--store_dir', join(dir, 'store')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${output}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`nats-server exited (${code}):\n${output}`)));
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening for client connections on [\d.]+:(\d+)/.exec(output);
      if (m && output.includes('Server is ready')) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  return {
    url: `nats://127.0.0.1:${listening}`,
    port: listening,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
