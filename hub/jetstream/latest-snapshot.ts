// Reads a topic's latest stream (topic-streams.ts) for a hub whose replica starts behind the log stream's first
// message: the latest event of every key older than that message, which the log stream no longer holds. Each
// message must be an event of the topic stored under its own key's subject and its own offset's message id; any
// other (a client writing straight into the stream) is refused, logged, counted and skipped.
import { DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { z } from 'zod';
import type { Logger } from '../../platform/logger.js';
import { Envelope, type KnownTopic } from '../../src/contract/hub-protocol.js';
import { jsonOf } from './json-text.js';
import { latestMsgIdOf, latestStreamOf, latestSubjectOf } from './stream-names.js';

/** Reading longer than this fails (the follower reads again after a pause). */
const READ_MS = 60_000;

export interface LatestSnapshot {
  /** Events with `after` < offset < `before`, oldest first. */
  events: Envelope[];
  refused: number;
}

export async function readLatestSnapshot(
  nats: { js: JetStreamClient; jsm: JetStreamManager },
  topic: KnownTopic,
  range: { after: number; before: number },
  logger: Logger,
): Promise<LatestSnapshot> {
  const stream = latestStreamOf(topic);
  const byOffset = new Map<number, Envelope>();
  let refused = 0;
  const refuse = (m: JsMsg, error: string): void => {
    refused++;
    logger.warn('refused a message of the latest stream that is not the latest event of its key', {
      topic,
      seq: m.seq,
      error,
    });
  };
  const { messages: held, last_seq: last } = (await nats.jsm.streams.info(stream)).state;
  if (held === 0) return { events: [], refused };
  // One message per subject (max_msgs_per_subject 1), so reading all is reading the last of each.
  const consumer = await nats.js.consumers.get(stream, { deliver_policy: DeliverPolicy.All });
  const messages = await consumer.consume({ max_messages: 5000 });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void messages.close();
  }, READ_MS);
  try {
    for await (const m of messages) {
      const read = latestEvent(m, topic);
      if (!read.ok) refuse(m, read.error);
      else if (byOffset.has(read.envelope.offset)) refuse(m, `a second event at offset ${read.envelope.offset}`);
      else if (read.envelope.offset > range.after && read.envelope.offset < range.before) {
        byOffset.set(read.envelope.offset, read.envelope);
      }
      // Up to where the stream ended when asked. Not "pending 0" alone: a message counted as pending may be replaced
      // by a newer one of its key before it is delivered (one per subject), and that count never comes down.
      if (m.seq >= last || m.info.pending === 0) break;
    }
  } finally {
    clearTimeout(timer);
    await messages.close();
  }
  if (timedOut) throw new Error(`reading ${stream} took longer than ${READ_MS} ms`);
  return { events: [...byOffset.values()].sort((a, b) => a.offset - b.offset), refused };
}

type LatestEvent = { ok: true; envelope: Envelope } | { ok: false; error: string };

function latestEvent(m: JsMsg, topic: KnownTopic): LatestEvent {
  const raw = jsonOf(m.string());
  if (raw === undefined) return { ok: false, error: 'not JSON' };
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const e = parsed.data;
  if (e.topic !== topic) return { ok: false, error: `an event of ${e.topic} in the latest stream of ${topic}` };
  if (m.subject !== latestSubjectOf(topic, e.key)) return { ok: false, error: `key ${e.key} on subject ${m.subject}` };
  const id = m.headers?.get('Nats-Msg-Id');
  if (id !== latestMsgIdOf(topic, e.offset)) return { ok: false, error: `offset ${e.offset} with message id ${id}` };
  return { ok: true, envelope: e };
}
