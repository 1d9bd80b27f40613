// Waiting, bounded, for a hub's replica to reach a point in the streams: it is fed by followers on their own
// schedule, so the waiter polls — briefly, and goes on when the bound passes (the caller's next step copes).
import type { JetStreamManager } from '@nats-io/jetstream';

/** Polls `done` every 10 ms until it holds or `maxMs` has passed. */
export async function pollUntil(done: () => boolean, maxMs: number): Promise<void> {
  for (let waited = 0; !done() && waited < maxMs; waited += 10) await new Promise((r) => setTimeout(r, 10));
}

/** After the `attempt`-th failure in a row (0: the first): 250 ms doubling to 5 s, then 5 s. */
export function retryPause(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** Math.min(attempt, 5))));
}

/** The last sequence of a stream; 0 when it cannot be read now (NATS away, a leader being elected). */
export function lastSeqOf(jsm: JetStreamManager, stream: string): Promise<number> {
  return jsm.streams.info(stream).then(
    (i) => i.state.last_seq,
    () => 0,
  );
}
