// Appends the hub's events to the topics' streams. Each message carries its offset and is published on the
// condition that the stream's last sequence is the one this hub last saw (`expect.lastSequence`): when another
// hub appended in between, the stream refuses, the writer waits until its replica has that hub's events and
// numbers again — so offsets never fork, whichever hubs write. A message id per event makes a retry after a lost
// answer land once. While NATS is away, events wait here in order and go out when it is back.
import { randomUUID } from 'node:crypto';
import { type JetStreamClient, JetStreamApiCodes, JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from '../../platform/logger.js';
import { KNOWN_TOPICS, type KnownTopic } from '../../src/contract/hub-protocol.js';
import type { NewEvent } from '../event-log.js';
import type { StreamTail } from './replica-log.js';
import { streamOf, subjectOf } from './stream-names.js';
import { lastSeqOf, pollUntil } from './stream-wait.js';

/** Published without waiting for each answer, at most this many at a time per topic. */
const PIPELINE = 1000;

interface Pending {
  id: string;
  event: NewEvent;
}

export interface StreamWriterDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Where the replica stands in a topic's stream. */
  replicaTail(topic: KnownTopic): StreamTail;
  logger: Logger;
}

export class StreamWriter {
  private readonly queue: Pending[] = [];
  private readonly tails = new Map<KnownTopic, StreamTail>();
  private readonly idPrefix = randomUUID();
  private counter = 0;
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly deps: StreamWriterDeps) {}

  /** `ids`: message ids of the events, when they have their own (a relayed event's origin); otherwise made here. */
  enqueue(events: readonly NewEvent[], ids?: readonly string[]): void {
    events.forEach((event, i) => this.queue.push({ id: ids?.[i] ?? `${this.idPrefix}-${++this.counter}`, event }));
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** Resolves once everything enqueued so far is in the streams. */
  async flushed(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Resolves once everything enqueued so far is in the streams and back in the replica (at most a few seconds). */
  async applied(): Promise<void> {
    await this.flushed();
    await pollUntil(() => [...this.tails].every(([topic, tail]) => this.deps.replicaTail(topic).seq >= tail.seq), 5000);
  }

  /**
   * Resolves once the replica holds every stream up to where it ended when asked (at most a few seconds): a
   * command's handler then reads what any hub wrote before it, not an older state it would write over.
   */
  async caughtUp(): Promise<void> {
    await this.applied();
    const lasts = await Promise.all(
      KNOWN_TOPICS.map(async (topic) => [topic, await lastSeqOf(this.deps.jsm, streamOf(topic))] as const),
    );
    await pollUntil(() => lasts.every(([topic, last]) => this.deps.replicaTail(topic).seq >= last), 3000);
  }

  /** Events waiting to be appended (NATS away, or a conflict being resolved). */
  waiting(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      const topic = this.queue[0]!.event.topic;
      // The next run of one topic, in order; other topics' events keep their own order behind it.
      const run: Pending[] = [];
      for (let i = 0; i < this.queue.length && run.length < PIPELINE;) {
        if (this.queue[i]!.event.topic === topic) run.push(...this.queue.splice(i, 1));
        else i++;
      }
      await this.publishRun(topic, run);
    }
  }

  private tailOf(topic: KnownTopic): StreamTail {
    const replica = this.deps.replicaTail(topic);
    const ours = this.tails.get(topic);
    return ours && ours.seq > replica.seq ? ours : replica;
  }

  private async publishRun(topic: KnownTopic, run: Pending[]): Promise<void> {
    for (let attempt = 0; run.length > 0 && !this.closed; attempt++) {
      const tail = this.tailOf(topic);
      const results = await Promise.allSettled(
        run.map((p, k) =>
          this.deps.js.publish(subjectOf(topic), JSON.stringify({ ...p.event, offset: tail.offset + 1 + k }), {
            msgID: p.id,
            expect: { lastSequence: tail.seq + k },
          }),
        ),
      );
      let done = 0;
      let firstError: unknown;
      for (const r of results) {
        if (r.status === 'rejected') {
          firstError = r.reason;
          break;
        }
        if (r.value.duplicate) break; // landed earlier: its offset is the stream's, read back from the replica
        this.tails.set(topic, { seq: r.value.seq, offset: tail.offset + 1 + done });
        done++;
      }
      // A duplicate counts as done; whatever followed it is numbered again.
      if (done < results.length && results[done]?.status === 'fulfilled') done++;
      run.splice(0, done);
      if (run.length === 0) return;
      if (firstError instanceof JetStreamApiError && firstError.code === JetStreamApiCodes.StreamWrongLastSequence) {
        await this.resync(topic);
      } else if (firstError !== undefined) {
        this.deps.logger.warn('could not append to the stream; retrying', {
          topic,
          waiting: run.length + this.queue.length,
          error: String(firstError),
        });
        await sleep(Math.min(5000, 200 * 2 ** Math.min(attempt, 5)));
      } else {
        await this.resync(topic);
      }
    }
  }

  /** Another hub appended (or a message was a duplicate): wait until the replica holds the stream's end. */
  private async resync(topic: KnownTopic): Promise<void> {
    this.tails.delete(topic);
    const last = await lastSeqOf(this.deps.jsm, streamOf(topic));
    await pollUntil(() => this.closed || this.deps.replicaTail(topic).seq >= last, 2000);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
