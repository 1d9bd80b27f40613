// Federation over NATS leaf nodes: a province's chosen topics flow up to the centre, the centre's directives flow
// down, by JetStream stream sourcing across JetStream domains. Sourcing is the server's own store-and-forward: when
// the leaf link is down each side keeps working alone, and when it returns the sourcing consumer resumes where it
// stopped, so the copy catches up in order, each event once. Needs nats-server 2.9 features only (no subject
// transforms, no multiple filters).
import { JetStreamApiCodes, JetStreamApiError, type JetStreamManager, type StreamSource } from '@nats-io/jetstream';
import { z } from 'zod';
import { KnownTopic } from '../../src/contract/hub-protocol.js';
import { apiPrefixOf, deliverPrefixOf } from './federation-subjects.js';
import { JetStreamDomain } from './jetstream-domain.js';
import { streamOf } from './stream-names.js';

/** Another site as this one sees it: its JetStream domain and the topics taken from it. */
export const FederatedSite = z.object({
  domain: JetStreamDomain,
  topics: z.array(KnownTopic).min(1).max(32),
});
export type FederatedSite = z.infer<typeof FederatedSite>;

/** This site's copy of another's topic: `('quang-ninh', 'econ.live')` → `IOC_FED_quang-ninh_econ_live`. */
export function federatedStreamOf(domain: string, topic: KnownTopic): string {
  return streamOf(topic).replace(/^IOC_/, `IOC_FED_${domain}_`);
}

/**
 * A topic's stream in another domain, reached through that domain's JetStream API over the leaf link, its copies
 * delivered under that domain's own prefix (what a centre with an account per province lets in from it).
 */
function remoteSource(domain: string, topic: KnownTopic): StreamSource {
  return { name: streamOf(topic), external: { api: apiPrefixOf(domain), deliver: deliverPrefixOf(domain) } };
}

/** The same copy: the server keeps a source's position by its name and API, so its delivery may change. */
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
 * there keeps its position, so running this again never restarts a copy (one made before the deliver prefix
 * gets it).
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
  } else if (!sources.some((s) => sameSource(s, source) && s.external?.deliver === source.external?.deliver)) {
    await jsm.streams.update(name, { sources: [...sources.filter((s) => !sameSource(s, source)), source] });
  }
}

export interface FederationOptions {
  /** Replicas of the streams made here (3 on a 3-node cluster). */
  replicas: number;
}

/**
 * For every other site and topic, a stream `IOC_FED_<domain>_<topic>` holding a copy of that site's topic stream,
 * in its order: at the centre, the provinces' indicators and alerts; at a province, the centre's directives
 * (`gov.tasks`). The producing hub relays each copy into its own topic (federation-relay.ts). Returns the names.
 */
export async function sourceSites(
  jsm: JetStreamManager,
  sites: readonly FederatedSite[],
  { replicas }: FederationOptions,
): Promise<string[]> {
  const names: string[] = [];
  for (const site of z.array(FederatedSite).parse(sites)) {
    for (const topic of site.topics) {
      const name = federatedStreamOf(site.domain, topic);
      // No subjects of its own: only the other site's events get in.
      await ensureSourced(jsm, name, [], remoteSource(site.domain, topic), replicas);
      names.push(name);
    }
  }
  return names;
}
