// The hub of the chaos tests: a demo hub in the test's process producing at a given rate, and the same log served
// on afterwards by a hub without a source (so a host can be compared with a log that no longer grows by itself).
import { join } from 'node:path';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { type CliRun, runCli } from './cli-process.js';

/** A demo hub whose log is `dir`/hub-events.sqlite, producing `rate` events/s. */
export function inProcessHub(dir: string, rate: number, port = 0): Promise<RunningHub> {
  return startHub({
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
export async function stopProducingKeepServing(hub: RunningHub, dir: string): Promise<CliRun> {
  await hub.close();
  const server = runCli(['hub', '--port', String(hub.port), '--data-dir', join(dir, 'hub')]);
  await server.waitFor(/listening/);
  return server;
}
