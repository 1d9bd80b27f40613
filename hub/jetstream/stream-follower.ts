// Follows each topic's stream into the hub's replica, in stream order, from where the replica stands. A message
// is applied only if it is a valid event of the topic with the next offset; anything else (a client writing
// straight into the stream, a stale writer) is refused, logged and skipped, so the topic never stalls on it.
import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { z } from 'zod';
import type { Logger } from '../../platform/logger.js';
import { Envelope, KNOWN_TOPICS, type KnownTopic } from '../../src/contract/hub-protocol.js';
import type { ReplicaLog } from './replica-log.js';
import { streamOf } from './stream-names.js';
import { readStream } from './stream-reader.js';
import { jsonOf } from './json-text.js';

/** Applied in one SQLite transaction at most this many at a time, or when the stream has no more pending. */
const BATCH = 2000;

export interface StreamFollowerDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  replica: ReplicaLog;
  logger: Logger;
  /** Events the replica just applied, in order (the hub wakes its subscribers and the alarm engine). */
  onApplied(events: readonly Envelope[]): void;
}

export interface StreamFollower {
  /** Resolves once the replica holds every stream up to where it stood when the follower started. */
  caughtUp(): Promise<void>;
  /** Messages refused since the start. */
  refused(): number;
  stop(): void;
}

export async function followStreams(deps: StreamFollowerDeps): Promise<StreamFollower> {
  let refused = 0;
  const stops: Array<() => void> = [];
  const targets = await Promise.all(
    KNOWN_TOPICS.map(async (topic) => ({ topic, last: (await deps.jsm.streams.info(streamOf(topic))).state.last_seq })),
  );
  const waiting = new Map<KnownTopic, { last: number; resolve: () => void }>();
  const reached = targets.map(
    ({ topic, last }) =>
      new Promise<void>((resolve) => {
        if (deps.replica.tail(topic).seq >= last) resolve();
        else waiting.set(topic, { last, resolve });
      }),
  );

  const follow = (topic: KnownTopic): void => {
    let batch: Envelope[] = [];
    let lastSeq = deps.replica.tail(topic).seq;
    const flush = (): void => {
      deps.replica.applyFromStream(topic, batch, lastSeq);
      const applied = batch;
      batch = [];
      if (applied.length > 0) deps.onApplied(applied);
      const w = waiting.get(topic);
      if (w && lastSeq >= w.last) {
        waiting.delete(topic);
        w.resolve();
      }
    };
    const reading = readStream(
      deps,
      streamOf(topic),
      () => {
        // Restarted mid-batch: what was read but not applied is read again.
        batch = [];
        lastSeq = deps.replica.tail(topic).seq;
        return lastSeq + 1;
      },
      (m) => {
        const expected = (batch[batch.length - 1]?.offset ?? deps.replica.head(topic)) + 1;
        const event = readEvent(m, topic, expected, deps.replica.head(topic) === 0 && batch.length === 0);
        if (event.ok) batch.push(event.envelope);
        else {
          refused++;
          deps.logger.warn('refused a message of the stream that is not the next event of its topic', {
            topic,
            seq: m.seq,
            error: event.error,
          });
        }
        lastSeq = m.seq;
        if (batch.length >= BATCH || m.info.pending === 0) flush();
      },
      deps.logger,
    );
    stops.push(() => reading.stop());
  };
  for (const topic of KNOWN_TOPICS) follow(topic);
  return {
    caughtUp: () => Promise.all(reached).then(() => undefined),
    refused: () => refused,
    stop: () => {
      for (const s of stops) s();
    },
  };
}

type ReadEvent = { ok: true; envelope: Envelope } | { ok: false; error: string };

/** `first`: the replica holds nothing of the topic yet, so a pruned stream may start at any offset. */
function readEvent(m: JsMsg, topic: KnownTopic, expected: number, first: boolean): ReadEvent {
  const raw = jsonOf(m.string());
  if (raw === undefined) return { ok: false, error: 'not JSON' };
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const e = parsed.data;
  if (e.topic !== topic) return { ok: false, error: `an event of ${e.topic} in the stream of ${topic}` };
  if (e.offset !== expected && !first) return { ok: false, error: `offset ${e.offset}, expected ${expected}` };
  return { ok: true, envelope: e };
}
