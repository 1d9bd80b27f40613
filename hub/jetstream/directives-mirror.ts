// The directives the provinces source, at a centre whose provinces have accounts of their own (`cluster init
// --provinces`): a mirror of `IOC_gov_tasks` under the same name in the DIRECTIVES account, where the provinces'
// consumers live. A province chooses where its consumer delivers; in DIRECTIVES no stream listens to any subject
// (a mirror has none) and none of the hubs' subjects is there, so whatever it chooses lands on nothing that
// counts. The centre's hub makes the mirror through the part of DIRECTIVES' JetStream API cluster init imports
// into the hubs' account; anywhere else nothing answers there, and there is nothing to make.
import { JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, RequestError } from '@nats-io/transport-node';
import { CENTRE_API_FOR_DIRECTIVES, DIRECTIVES_API, DIRECTIVES_DELIVER } from './federation-subjects.js';
import { streamOf } from './stream-names.js';

/** The centre's topic the provinces take (at a province: `--federate <centre>:gov.tasks`). */
export const DIRECTIVES_STREAM = streamOf('gov.tasks');

/**
 * Makes the mirror if this hub's account reaches a DIRECTIVES account and it has none yet. Returns whether there
 * is one (false: a site without province accounts).
 */
export async function ensureDirectivesMirror(nc: NatsConnection, replicas: number): Promise<boolean> {
  const jsm = await jetstreamManager(nc, { apiPrefix: DIRECTIVES_API, checkAPI: false });
  try {
    await jsm.streams.info(DIRECTIVES_STREAM);
    return true;
  } catch (err) {
    // No responders (the client wraps them as "jetstream is not enabled"): no DIRECTIVES account imported here.
    if (err instanceof Error && err.cause instanceof RequestError && err.cause.isNoResponders()) return false;
    if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound)) throw err;
  }
  await jsm.streams.add({
    name: DIRECTIVES_STREAM,
    mirror: { name: DIRECTIVES_STREAM, external: { api: CENTRE_API_FOR_DIRECTIVES, deliver: DIRECTIVES_DELIVER } },
    num_replicas: replicas,
  });
  return true;
}
