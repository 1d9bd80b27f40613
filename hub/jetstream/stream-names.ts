// Where the JetStream back end keeps each topic: one stream per topic, whose sequence is the topic's offset.
// Fixed names, because other deployments refer to them: a centre's streams source a province's by name
// (federation), and an installer's tools (`nats stream info`) find them.
import type { KnownTopic } from '../../src/contract/hub-protocol.js';

/** `econ.live` → stream `IOC_econ_live` (stream names may not contain dots). */
export function streamOf(topic: KnownTopic): string {
  return `IOC_${topic.replaceAll('.', '_')}`;
}

/** `econ.live` → subject `ioc.log.econ.live`: what a hub publishes a topic's new events to. */
export function subjectOf(topic: KnownTopic): string {
  return `ioc.log.${topic}`;
}

/** `econ.live` → stream `IOC_LATEST_econ_live`: the latest message of every key of the topic, kept without age. */
export function latestStreamOf(topic: KnownTopic): string {
  return `IOC_LATEST_${topic.replaceAll('.', '_')}`;
}

/**
 * `('econ.live', 'grdp')` → `ioc.latest.econ.live.Z3JkcA`: one subject per key, so the stream keeps one message per
 * key. Keys are any text; base64url makes them one valid subject token (never empty: a key has 1–128 characters).
 */
export function latestSubjectOf(topic: KnownTopic, key: string): string {
  return `ioc.latest.${topic}.${Buffer.from(key, 'utf8').toString('base64url')}`;
}

/** Every key's subject of a topic: one token after the topic, so `econ.live`'s never takes `econ.live.x`'s keys. */
export function latestSubjectsOf(topic: KnownTopic): string {
  return `ioc.latest.${topic}.*`;
}

/** The message id of a topic's event in its latest stream: a copy made twice (a retry, a new producer) lands once. */
export function latestMsgIdOf(topic: KnownTopic, offset: number): string {
  return `${topic}:${offset}`;
}
