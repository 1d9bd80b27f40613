// Copies every event of the log into its topic's latest stream (topic-streams.ts), which keeps the newest message
// of each key beyond the log stream's retention: what a hub starting on an empty replica bootstraps from
// (latest-snapshot.ts). Runs on the producing hub only, from its replica — so it copies what any hub appended, only
// once it is in the log, and a failure here never holds up the log: the copy resumes from the offset the latest
// stream last received (after NATS comes back, or on the next producer). Each copy is published only if the latest
// stream's last sequence is the one the keeper saw, so two keepers (a lease changing hands) never reorder a key.
import {
  type JetStreamClient,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  type PubAck,
} from '@nats-io/jetstream';
import type { Logger } from '../../platform/logger.js';
import { Envelope, KNOWN_TOPICS, type KnownTopic } from '../../src/contract/hub-protocol.js';
import { jsonOf } from './json-text.js';
import type { ReplicaLog, StreamTail } from './replica-log.js';
import { latestMsgIdOf, latestStreamOf, latestSubjectOf } from './stream-names.js';
import { retryPause } from './stream-wait.js';

/** Published without waiting for each answer, at most this many at a time per topic. */
const PIPELINE = 1000;
/** With nothing new, looks again after this long even unwoken. */
const IDLE_MS = 5000;

export interface LatestKeeperDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  replica: ReplicaLog;
  logger: Logger;
}

export interface LatestKeeper {
  /** The replica applied events: copy them. */
  wake(): void;
  stop(): void;
}

export function keepLatest(deps: LatestKeeperDeps): LatestKeeper {
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wake = (): void => {
    for (const s of sleepers) s();
    sleepers.clear();
  };
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, IDLE_MS);
      sleepers.add(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  const keep = async (topic: KnownTopic): Promise<void> => {
    /** The latest stream's last sequence and the offset copied up to; null: to be read from the stream. */
    let tail: StreamTail | null = null;
    let copied = 0;
    for (let attempt = 0; !stopped;) {
      try {
        tail ??= await latestTailOf(deps.jsm, topic, copied);
        const events = lastOfEachKey(deps.replica.read(topic, tail.offset, PIPELINE));
        if (events.length === 0) {
          await idle();
          continue;
        }
        const from: StreamTail = tail;
        const results: PromiseSettledResult<PubAck>[] = await Promise.allSettled(
          events.map((e, k) =>
            deps.js.publish(latestSubjectOf(topic, e.key), JSON.stringify(e), {
              msgID: latestMsgIdOf(topic, e.offset),
              expect: { lastSequence: from.seq + k },
            }),
          ),
        );
        let done = 0;
        let duplicate = false;
        for (const r of results) {
          if (r.status === 'rejected') break;
          done++;
          // Copied before (a retry after a lost answer): the stream's last sequence is to be read again.
          duplicate = r.value.duplicate;
          if (duplicate) break;
          tail = { seq: r.value.seq, offset: events[done - 1]!.offset };
        }
        copied = Math.max(copied, events[done - 1]?.offset ?? 0);
        if (done === events.length && !duplicate) {
          attempt = 0;
          continue;
        }
        tail = null;
        const failure: unknown = results.find((r) => r.status === 'rejected')?.reason;
        // Another keeper copied in between: read where it left the stream and go on at once.
        const otherKeeper =
          failure instanceof JetStreamApiError && failure.code === JetStreamApiCodes.StreamWrongLastSequence;
        if (failure !== undefined && !otherKeeper) {
          deps.logger.warn('could not copy to the latest stream; retrying', { topic, error: String(failure) });
          await retryPause(attempt++);
        }
      } catch (err) {
        if (stopped) return;
        deps.logger.warn('could not copy to the latest stream; retrying', { topic, error: String(err) });
        tail = null;
        await retryPause(attempt++);
      }
    }
  };
  for (const topic of KNOWN_TOPICS) void keep(topic);
  return {
    wake,
    stop: () => {
      stopped = true;
      wake();
    },
  };
}

/**
 * Where the latest stream stands: its last sequence and the offset of its last message. A last message that is not
 * an event of the topic (another client wrote it) says nothing: the copy goes on from what this keeper copied.
 */
async function latestTailOf(jsm: JetStreamManager, topic: KnownTopic, copied: number): Promise<StreamTail> {
  const stream = latestStreamOf(topic);
  const seq = (await jsm.streams.info(stream)).state.last_seq;
  if (seq === 0) return { seq, offset: 0 };
  const last = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
  const parsed = Envelope.safeParse(last ? jsonOf(last.string()) : undefined);
  const offset = parsed.success && parsed.data.topic === topic ? parsed.data.offset : 0;
  return { seq, offset: Math.max(offset, copied) };
}

/**
 * The stream keeps one message per key, so of a run of events only each key's last is worth copying (a live counter
 * written a thousand times in a run is copied once), in offset order so that the run's last event is copied last.
 */
function lastOfEachKey(events: readonly Envelope[]): Envelope[] {
  const last = new Map<string, Envelope>();
  for (const e of events) {
    last.delete(e.key);
    last.set(e.key, e);
  }
  return [...last.values()];
}
