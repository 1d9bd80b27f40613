// Real nats-server processes for the benchmarks (Debian's, /usr/sbin/nats-server), killed at the bench's end.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { trackChild, until } from './support.mjs';

/** A port free a moment ago on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** nats-server -c file, resolved once it says it is ready (bounded). */
export async function startServer(configFile) {
  const child = trackChild(spawn('/usr/sbin/nats-server', ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] }));
  let log = '';
  child.stderr.on('data', (d) => (log += d.toString()));
  await until(`nats-server -c ${configFile}`, () => log.includes('Server is ready') || child.exitCode !== null, 30_000);
  if (child.exitCode !== null) throw new Error(`nats-server exited:\n${log}`);
  return child;
}
