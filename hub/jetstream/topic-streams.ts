// The streams of the JetStream back end: one per topic (stream-names.ts), kept by age and count like the SQLite
// log, and beside it one holding the latest message of every key of the topic with no age limit (what the SQLite
// log keeps below its floor), replicated as the site asks, with a two-minute window in which a message id is
// published only once (a hub that retries after a lost answer does not append twice).
import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { KNOWN_TOPICS, type KnownTopic } from '../../src/contract/hub-protocol.js';
import type { RetentionPolicy } from '../event-log.js';
import { latestStreamOf, latestSubjectsOf, streamOf, subjectOf } from './stream-names.js';

/** The window in which a message id is published once, on every stream of the back end. */
export const DEDUPE_WINDOW = nanos(120_000);

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
    duplicate_window: DEDUPE_WINDOW,
  };
}

/** Keys a topic's latest stream holds at most: a safeguard against a runaway producer, far above a site's keys. */
const LATEST_MAX_KEYS = 1_000_000;

function latestStreamConfig(topic: KnownTopic, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: latestStreamOf(topic),
    subjects: [latestSubjectsOf(topic)],
    max_msgs_per_subject: 1,
    max_msgs: LATEST_MAX_KEYS,
    num_replicas: replicas,
    duplicate_window: DEDUPE_WINDOW,
  };
}

/** Creates each topic's streams, or brings an existing one to the configuration (a site may change retention). */
export async function ensureTopicStreams(
  jsm: JetStreamManager,
  policyOf: (topic: KnownTopic) => RetentionPolicy,
  replicas: number,
): Promise<void> {
  for (const topic of KNOWN_TOPICS) {
    for (const config of [topicStreamConfig(topic, policyOf(topic), replicas), latestStreamConfig(topic, replicas)]) {
      if (await streamExists(jsm, config.name)) await jsm.streams.update(config.name, config);
      else await jsm.streams.add(config);
    }
  }
}

/** Makes a stream of the back end that is not there yet; one that is stays as it is. */
export async function ensureStream(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
): Promise<void> {
  if (!(await streamExists(jsm, config.name))) await jsm.streams.add(config);
}

function streamExists(jsm: JetStreamManager, name: string): Promise<boolean> {
  return jsm.streams.info(name).then(
    () => true,
    () => false,
  );
}
