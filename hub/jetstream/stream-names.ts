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
