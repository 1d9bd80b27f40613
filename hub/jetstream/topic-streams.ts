// The streams of the JetStream back end: one per topic (stream-names.ts), kept by age and count like the SQLite
// log, replicated as the site asks, with a two-minute window in which a message id is published only once (a hub
// that retries after a lost answer does not append twice).
import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { KNOWN_TOPICS, type KnownTopic } from '../../src/contract/hub-protocol.js';
import type { RetentionPolicy } from '../event-log.js';
import { streamOf, subjectOf } from './stream-names.js';

const DEDUPE_WINDOW_MS = 120_000;

function topicStreamConfig(
  topic: KnownTopic,
  policy: RetentionPolicy,
  replicas: number,
): Partial<StreamConfig> & { name: string } {
  return {
    name: streamOf(topic),
    subjects: [subjectOf(topic)],
    max_age: nanos(policy.maxAgeMs),
    max_msgs: policy.maxEvents,
    num_replicas: replicas,
    duplicate_window: nanos(DEDUPE_WINDOW_MS),
  };
}

/** Creates each topic's stream, or brings an existing one to the configuration (a site may change retention). */
export async function ensureTopicStreams(
  jsm: JetStreamManager,
  policyOf: (topic: KnownTopic) => RetentionPolicy,
  replicas: number,
): Promise<void> {
  for (const topic of KNOWN_TOPICS) {
    const config = topicStreamConfig(topic, policyOf(topic), replicas);
    const exists = await jsm.streams.info(config.name).then(
      () => true,
      () => false,
    );
    if (exists) await jsm.streams.update(config.name, config);
    else await jsm.streams.add(config);
  }
}
