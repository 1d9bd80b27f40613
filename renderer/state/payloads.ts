// Typed payloads of the latest events. The bridge validates envelopes but leaves payloads open (the contract's
// EnvelopeBase), so each payload is parsed here against its topic's schema once and remembered per event.
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { TOPICS, type KnownTopic, type TopicPayload } from '../../src/contract/topics.js';
import type { LatestValues } from '../../src/domain/latest-values.js';

export interface TypedEvent<T extends KnownTopic> {
  readonly envelope: Envelope;
  readonly payload: TopicPayload<T>;
}

// Envelopes are immutable once held, so a parse result stays valid as long as the envelope lives.
const parsed = new WeakMap<Envelope, { ok: boolean; payload: unknown }>();

function payloadOf<T extends KnownTopic>(topic: T, envelope: Envelope): TopicPayload<T> | undefined {
  let entry = parsed.get(envelope);
  if (!entry) {
    const result = TOPICS[topic].payload.safeParse(envelope.payload);
    entry = result.success ? { ok: true, payload: result.data } : { ok: false, payload: undefined };
    parsed.set(envelope, entry);
  }
  // The schema is chosen by `topic`, so the stored payload has that topic's type.
  return entry.ok ? (entry.payload as TopicPayload<T>) : undefined;
}

/** Latest events of a topic whose payload matches the topic's schema (others are skipped, not shown). */
export function eventsOf<T extends KnownTopic>(values: LatestValues, topic: T): TypedEvent<T>[] {
  const out: TypedEvent<T>[] = [];
  for (const envelope of values.topic(topic)) {
    const payload = payloadOf(topic, envelope);
    if (payload !== undefined) out.push({ envelope, payload });
  }
  return out;
}

/** Source time of the newest event held in any of these topics; null when there is none. */
export function newestTime(values: LatestValues, topics: readonly KnownTopic[]): number | null {
  let newest: number | null = null;
  for (const topic of topics) {
    for (const envelope of values.topic(topic)) if (newest === null || envelope.time > newest) newest = envelope.time;
  }
  return newest;
}
