// A hub without demo data on the JetStream back end of one test nats-server: its replica `<dir>/<name>.sqlite`,
// its hub name `name`. For the integration tests that run several hubs over one log.
import { join } from 'node:path';
import { type HubOptions, type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';

export function startJetStreamTestHub(
  natsUrl: string,
  dir: string,
  name: string,
  more: Pick<HubOptions, 'retention'> = {},
): Promise<RunningHub> {
  return startHub({
    port: 0,
    logFile: join(dir, `${name}.sqlite`),
    demo: false,
    version: 't',
    logger: createLogger('hub', 'error'),
    jetstream: { servers: [natsUrl], replicas: 1, hubName: name },
    ...more,
  });
}
