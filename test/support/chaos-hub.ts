// The hub of the chaos tests: a demo hub in the test's process producing at a given rate, and the same log served
// on afterwards by a hub without a source (so a host can be compared with a log that no longer grows by itself).
import { join } from 'node:path';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { type CliRun, runCli } from './cli-process.js';

/** The name a chaos hub goes by on the JetStream back end (the same for the in-process and the CLI hub). */
const HUB_NAME = 'chaos-hub';

/**
 * A demo hub whose log is `dir`/hub-events.sqlite, producing `rate` events/s; with `natsUrl`, the log is in that
 * NATS server's JetStream and the file holds the hub's replica.
 */
export function inProcessHub(dir: string, rate: number, port = 0, natsUrl?: string): Promise<RunningHub> {
  return startHub({
    jetstream: natsUrl ? { servers: [natsUrl], replicas: 1, hubName: HUB_NAME } : undefined,
    port,
    logFile: join(dir, 'hub-events.sqlite'),
    demo: true,
    seed: 5,
    rate,
    version: 't',
    logger: createLogger('hub', 'error'),
  });
}

/** Stops the demo production and serves the same log again, on the same port, from a hub without a source. */
export async function stopProducingKeepServing(hub: RunningHub, dir: string, natsUrl?: string): Promise<CliRun> {
  await hub.close();
  const log = natsUrl ? ['--log', natsUrl, '--hub-name', HUB_NAME] : [];
  const server = runCli(['hub', '--port', String(hub.port), '--data-dir', join(dir, 'hub'), ...log]);
  await server.waitFor(/listening/);
  return server;
}
