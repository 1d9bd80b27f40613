// Reads a stream in order from a position, for as long as the hub runs: an ordered consumer, made again from the
// last message handled whenever it fails (a cluster electing a leader, a node lost, NATS away), with backoff —
// or when it has gone quiet while the stream holds more (a consumer lost with its node does not always say so).
import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { Logger } from '../../platform/logger.js';
import { retryPause } from './stream-wait.js';

/** Quiet this long with more in the stream: the consumer is made again. */
const QUIET_MS = 5000;

export interface StreamReading {
  stop(): void;
}

/**
 * `from()`: the next sequence wanted, asked at each (re)start (it may drop what was read but not kept). `handle`
 * runs for each message in order; a message it has not finished with when the reading fails is read again.
 */
export function readStream(
  nats: { js: JetStreamClient; jsm: JetStreamManager },
  stream: string,
  from: () => number,
  handle: (m: JsMsg) => void | Promise<void>,
  logger: Logger,
): StreamReading {
  let stopped = false;
  let close: (() => void) | null = null;
  let lastMessageAt = Date.now();
  let lastSeq = 0;
  const watchdog = setInterval(() => {
    if (stopped || Date.now() - lastMessageAt < QUIET_MS) return;
    void nats.jsm.streams.info(stream).then(
      (info) => {
        if (info.state.last_seq > lastSeq && Date.now() - lastMessageAt >= QUIET_MS) {
          logger.warn('reading a stream went quiet while it holds more; reading again', { stream });
          lastMessageAt = Date.now();
          close?.();
        }
      },
      () => undefined,
    );
  }, QUIET_MS);
  watchdog.unref();
  void (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        const start = from();
        lastSeq = start - 1;
        const consumer = await nats.js.consumers.get(stream, {
          deliver_policy: 'by_start_sequence',
          opt_start_seq: start,
        });
        const messages = await consumer.consume({ max_messages: 5000 });
        close = () => void messages.close();
        if (stopped) close();
        for await (const m of messages) {
          lastMessageAt = Date.now();
          await handle(m);
          lastSeq = m.seq;
          attempt = 0;
        }
      } catch (err) {
        if (!stopped)
          logger.warn('reading a stream failed; reading on from where it stood', { stream, error: String(err) });
      }
      if (!stopped) await retryPause(attempt);
    }
  })();
  return {
    stop: () => {
      stopped = true;
      clearInterval(watchdog);
      close?.();
    },
  };
}
