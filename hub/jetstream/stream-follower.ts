// Follows each topic's stream into the hub's replica, in stream order, from where the replica stands. A message
// is applied only if it is a valid event of the topic with the next offset; anything else (a client writing
// straight into the stream, a stale writer) is refused, logged and skipped, so the topic never stalls on it. A
// replica behind the stream's first message (new, or away longer than the retention) first takes the latest event
// of every key from the part the stream dropped (latest-snapshot.ts), below its new floor.
import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { z } from 'zod';
import type { Logger } from '../../platform/logger.js';
import { Envelope, KNOWN_TOPICS, type KnownTopic } from '../../src/contract/hub-protocol.js';
import type { ReplicaLog } from './replica-log.js';
import { streamOf } from './stream-names.js';
import { readLatestSnapshot } from './latest-snapshot.js';
import { readStream } from './stream-reader.js';
import { jsonOf } from './json-text.js';

/** Applied in one SQLite transaction at most this many at a time, or when the stream has no more pending. */
const BATCH = 2000;
/** Read but not yet applied (more said to be pending) for this long: applied all the same. */
const LATE_FLUSH_MS = 50;

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
    let floor: number | undefined;
    let lastSeq = deps.replica.tail(topic).seq;
    // The stream dropped messages the replica has not read (retention): the next valid event may be further on.
    let gap = false;
    let lateFlush: NodeJS.Timeout | undefined;
    const flush = (): void => {
      clearTimeout(lateFlush);
      lateFlush = undefined;
      deps.replica.applyFromStream(topic, batch, lastSeq, floor);
      const applied = batch;
      batch = [];
      floor = undefined;
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
        floor = undefined;
        lastSeq = deps.replica.tail(topic).seq;
        return lastSeq + 1;
      },
      async (m) => {
        if (m.seq > lastSeq + 1) gap = true;
        const head = batch[batch.length - 1]?.offset ?? deps.replica.head(topic);
        const event = readEvent(m, topic, head + 1, gap || head === 0);
        if (event.ok) {
          const { offset } = event.envelope;
          if (offset > head + 1) {
            // The keys last written in the part the stream dropped come from the latest stream.
            const snapshot = await readLatestSnapshot(deps, topic, { after: head, before: offset }, deps.logger);
            refused += snapshot.refused;
            batch.push(...snapshot.events);
            floor = offset;
          }
          batch.push(event.envelope);
          gap = false;
        } else {
          refused++;
          deps.logger.warn('refused a message of the stream that is not the next event of its topic', {
            topic,
            seq: m.seq,
            error: event.error,
          });
        }
        lastSeq = m.seq;
        if (batch.length >= BATCH || m.info.pending === 0) flush();
        // A message counted as pending may be dropped by the retention before it is delivered, and then the count
        // never comes down to 0: what was read is applied shortly anyway.
        else lateFlush ??= setTimeout(flush, LATE_FLUSH_MS);
      },
      deps.logger,
    );
    stops.push(() => {
      clearTimeout(lateFlush);
      reading.stop();
    });
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

/**
 * `jump`: the replica holds nothing of the topic yet, or the stream dropped messages it had not read: the event may
 * come later than `expected` (never later than its sequence: each offset takes one).
 */
function readEvent(m: JsMsg, topic: KnownTopic, expected: number, jump: boolean): ReadEvent {
  const raw = jsonOf(m.string());
  if (raw === undefined) return { ok: false, error: 'not JSON' };
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const e = parsed.data;
  if (e.topic !== topic) return { ok: false, error: `an event of ${e.topic} in the stream of ${topic}` };
  const jumped = jump && e.offset > expected && e.offset <= m.seq;
  if (e.offset !== expected && !jumped) return { ok: false, error: `offset ${e.offset}, expected ${expected}` };
  return { ok: true, envelope: e };
}
