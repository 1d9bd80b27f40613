// Live events go to the windows at most once per interval, all that the cache applied since in one message. A
// feed of a thousand small hub batches a second would otherwise be a thousand websocket messages to decode in
// every window; 15 a second is what a wall can show anyway, and a value waits at most 66 ms for its message.
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { RateCoalescer, type Timers } from '../../src/timing/rate-coalescer.js';

const FEED_BROADCAST_INTERVAL_MS = 66;

const nodeTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class FeedBroadcast {
  private queued: Envelope[] = [];
  private readonly coalescer: RateCoalescer;

  constructor(
    private readonly send: (events: Envelope[]) => void,
    intervalMs = FEED_BROADCAST_INTERVAL_MS,
  ) {
    this.coalescer = new RateCoalescer(() => this.flush(), { intervalMs, timers: nodeTimers });
  }

  push(events: readonly Envelope[]): void {
    for (const event of events) this.queued.push(event);
    this.coalescer.request();
  }

  /** Sends what is queued now: before anything that must reach the windows after these events (a resync). */
  flush(): void {
    if (this.queued.length === 0) return;
    const events = this.queued;
    this.queued = [];
    this.send(events);
  }

  close(): void {
    this.coalescer.dispose();
    this.queued = [];
  }
}
