// Federation over NATS leaf nodes: a province's chosen topics flow up to the centre, the centre's directives flow
// down, by JetStream stream sourcing across JetStream domains. Sourcing is the server's own store-and-forward: when
// the leaf link is down each side keeps working alone, and when it returns the sourcing consumer resumes where it
// stopped, so the copy catches up in order, each event once. Needs nats-server 2.9 features only (no subject
// transforms, no multiple filters).
import { JetStreamApiCodes, JetStreamApiError, type JetStreamManager, type StreamSource } from '@nats-io/jetstream';
import { z } from 'zod';
import { KnownTopic } from '../../src/contract/hub-protocol.js';
import { JetStreamDomain } from './jetstream-domain.js';
import { streamOf, subjectOf } from './stream-names.js';

/** A province as the centre sees it: its JetStream domain and the topics it forwards. */
export const FederatedProvince = z.object({
  domain: JetStreamDomain,
  topics: z.array(KnownTopic).min(1).max(32),
});
export type FederatedProvince = z.infer<typeof FederatedProvince>;

/** The centre's copy of a province's topic: `('quang-ninh', 'econ.live')` → `IOC_FED_quang-ninh_econ_live`. */
export function federatedStreamOf(domain: string, topic: KnownTopic): string {
  return streamOf(topic).replace(/^IOC_/, `IOC_FED_${domain}_`);
}

/** A topic's stream in another domain, reached through that domain's JetStream API over the leaf link. */
function remoteSource(domain: string, topic: KnownTopic): StreamSource {
  return { name: streamOf(topic), external: { api: `$JS.${domain}.API` } };
}

const sameSource = (a: StreamSource, b: StreamSource): boolean =>
  a.name === b.name && a.external?.api === b.external?.api;

async function existing(jsm: JetStreamManager, name: string): Promise<StreamSource[] | undefined> {
  try {
    return (await jsm.streams.info(name)).config.sources ?? [];
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound) return undefined;
    throw err;
  }
}

/**
 * Makes `name` source `source`, creating the stream (with `subjects`) if it does not exist yet; a source already
 * there is kept as it is, so running this again changes nothing and never restarts a copy.
 */
async function ensureSourced(
  jsm: JetStreamManager,
  name: string,
  subjects: string[],
  source: StreamSource,
  replicas: number,
): Promise<void> {
  const sources = await existing(jsm, name);
  if (sources === undefined) {
    await jsm.streams.add({ name, subjects, sources: [source], num_replicas: replicas });
  } else if (!sources.some((s) => sameSource(s, source))) {
    await jsm.streams.update(name, { sources: [...sources, source] });
  }
}

export interface FederationOptions {
  /** Replicas of the streams made here (3 on a 3-node cluster). */
  replicas: number;
}

/**
 * At the centre: for every province and topic, a stream `IOC_FED_<domain>_<topic>` holding a copy of the
 * province's topic stream, in the province's order. Returns the streams' names.
 */
export async function sourceProvinces(
  jsm: JetStreamManager,
  provinces: readonly FederatedProvince[],
  { replicas }: FederationOptions,
): Promise<string[]> {
  const names: string[] = [];
  for (const province of z.array(FederatedProvince).parse(provinces)) {
    for (const topic of province.topics) {
      const name = federatedStreamOf(province.domain, topic);
      // No subjects of its own: only the province's events get in.
      await ensureSourced(jsm, name, [], remoteSource(province.domain, topic), replicas);
      names.push(name);
    }
  }
  return names;
}

/**
 * At a province: its own stream of each directive topic (e.g. `gov.tasks`) also sources the centre's, so the
 * province's hub serves the centre's directives with its own. Returns the streams' names.
 */
export async function sourceDirectives(
  jsm: JetStreamManager,
  centreDomain: string,
  topics: readonly KnownTopic[],
  { replicas }: FederationOptions,
): Promise<string[]> {
  const domain = JetStreamDomain.parse(centreDomain);
  for (const topic of z.array(KnownTopic).parse(topics)) {
    await ensureSourced(jsm, streamOf(topic), [subjectOf(topic)], remoteSource(domain, topic), replicas);
  }
  return topics.map(streamOf);
}
