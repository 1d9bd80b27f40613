// A row of an events table — the hub's log, the host's cache and its latest values all store an event the same
// way: the envelope's fields as columns, the payload as JSON text. The one mapping between the two.
import type { Envelope, KnownTopic } from '../src/contract/hub-protocol.js';

export interface EventRow {
  topic: KnownTopic;
  offset: number;
  time: number;
  source: string;
  key: string;
  payload: string;
}

/** The columns of an EventRow, for SELECT lists. */
export const EVENT_COLUMNS = 'topic, offset, time, source, key, payload';

/** The named parameters of an EventRow, for INSERT … VALUES with `run(toEventRow(e))`. */
export const EVENT_VALUES = '@topic, @offset, @time, @source, @key, @payload';

export function toEventRow(e: Envelope): EventRow {
  return {
    topic: e.topic,
    offset: e.offset,
    time: e.time,
    source: e.source,
    key: e.key,
    payload: JSON.stringify(e.payload),
  };
}

/** An EventRow's values in EVENT_COLUMNS order, for INSERT … VALUES (?, …) with `run(...eventValues(e))`. */
export type EventValues = [
  topic: KnownTopic,
  offset: number,
  time: number,
  source: string,
  key: string,
  payload: string,
];

export function eventValues(e: Envelope): EventValues {
  return [e.topic, e.offset, e.time, e.source, e.key, JSON.stringify(e.payload)];
}

/** Rows come from the app's own files, written by toEventRow: the payload is JSON the writer checked. */
export function toEnvelope(r: EventRow): Envelope {
  return {
    topic: r.topic,
    offset: r.offset,
    time: r.time,
    source: r.source,
    key: r.key,
    payload: JSON.parse(r.payload) as unknown,
  };
}
