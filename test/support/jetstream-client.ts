// A test's JetStream client side: wait for JetStream to answer, publish through a node's loss, read a stream whole.
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `fn` tried again every 250 ms until it succeeds or `timeoutMs` has passed (a cluster electing a leader). */
export async function retrying<T>(what: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: failing after ${timeoutMs} ms`, { cause: err });
      await sleep(250);
    }
  }
}

/** Until JetStream answers (a new cluster elects its meta leader a few seconds after the servers are ready). */
export async function untilJetStreamReady(jsm: JetStreamManager, timeoutMs = 30_000): Promise<void> {
  await retrying('JetStream ready', () => jsm.getAccountInfo(), timeoutMs);
}

/**
 * Publishes with a message id, trying again while the cluster elects a new leader: the stream's duplicate
 * window stores it once however many tries reach it. Returns the stream sequence.
 */
export async function publishOnce(
  js: JetStreamClient,
  subject: string,
  data: string,
  msgID: string,
  timeoutMs = 30_000,
): Promise<number> {
  const ack = await retrying(`publish ${msgID}`, () => js.publish(subject, data, { msgID, timeout: 2000 }), timeoutMs);
  return ack.seq;
}

export interface StoredMessage {
  seq: number;
  data: string;
}

/** The first `count` messages of a stream, in stream order (an ordered consumer). */
export async function readStream(
  js: JetStreamClient,
  stream: string,
  count: number,
  timeoutMs = 60_000,
): Promise<StoredMessage[]> {
  const consumer = await retrying(`a consumer on ${stream}`, () => js.consumers.get(stream), timeoutMs);
  const out: StoredMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < deadline) {
    const batch = await consumer.fetch({ max_messages: Math.min(10_000, count - out.length), expires: 2000 });
    for await (const m of batch) out.push({ seq: m.seq, data: m.string() });
  }
  return out;
}
