// Real nats-server processes for the benchmarks (Debian's, /usr/sbin/nats-server), killed at the bench's end.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startHub } from '../dist/hub/hub-server.js';
import { createLogger } from '../dist/platform/logger.js';
import { atCleanup, trackChild, until } from './support.mjs';

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

/** `nodes` nats-servers with JetStream (a cluster when more than one); returns their client URLs. */
export async function natsCluster(dir, nodes) {
  const ports = [];
  for (let i = 0; i < nodes; i++) ports.push({ client: await freePort(), route: await freePort() });
  for (const [i, p] of ports.entries()) {
    const routes = ports.filter((_, j) => j !== i).map((q) => `"nats://127.0.0.1:${q.route}"`);
    const config = join(dir, `n${i}.conf`);
    writeFileSync(
      config,
      [
        `server_name: n${i}`,
        `listen: 127.0.0.1:${p.client}`,
        `jetstream { store_dir: "${join(dir, `n${i}`)}" }`,
        ...(nodes > 1 ? [`cluster { name: bench, listen: 127.0.0.1:${p.route}, routes: [${routes.join(', ')}] }`] : []),
      ].join('\n'),
    );
    await startServer(config);
  }
  return ports.map((p) => `nats://127.0.0.1:${p.client}`);
}

/** A hub on the JetStream back end (`--log nats://…`) with its replica in `dir`, started again until it can be. */
export async function jetStreamHub(dir, servers, replicas) {
  // A new cluster elects its JetStream leader first: the hub is started again until it can make its streams.
  const hub = await until(
    'a hub on the cluster',
    () =>
      startHub({
        port: 0,
        logFile: join(dir, 'hub-replica.sqlite'),
        demo: false,
        version: 'bench',
        logger: createLogger('bench-hub', 'error'),
        snapshotAbove: Number.MAX_SAFE_INTEGER,
        jetstream: { servers, replicas, hubName: 'bench-hub' },
      }).catch(() => undefined),
    60_000,
  );
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await hub.close();
  };
  atCleanup(close);
  return {
    url: hub.url,
    admin: hub.admin,
    publish: (events) => hub.publish(events),
    heads: () => Object.fromEntries(Object.entries(hub.status().topics).map(([t, v]) => [t, v.head])),
    close,
  };
}
