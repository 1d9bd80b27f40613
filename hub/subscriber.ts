// One client's subscription: a cursor per topic, pumped from the log. Replay and live events take the same
// path, so a client can never see a gap between "history" and "live", and acknowledged batches bound how much
// is in flight (a slow client slows its own pump, not the hub).
import type { Socket } from 'socket.io';
import { HUB_EVENTS } from '../src/contract/hub-protocol.js';
import type { EventLog } from './event-log.js';

const BATCH = 1000;
/**
 * A cursor further behind than this is catching up (a host back from an outage): it gets batches of CATCH_UP_BATCH,
 * the most any host accepts in one message, so the replay pays per-message costs (ack, socket frame, transaction)
 * five times less often. Live cursors keep small batches, which reach the windows sooner.
 */
const CATCH_UP_BEHIND = 20_000;
const CATCH_UP_BATCH = 5000;
const MAX_IN_FLIGHT = 4;

export interface SubscriberOptions {
  /** A client starting from nothing gets a snapshot instead of a replay when the log is longer than this. */
  snapshotAbove: number;
}

export class Subscriber {
  private readonly cursors = new Map<string, number>();
  private readonly snapshots = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly socket: Socket,
    private readonly log: EventLog,
    private readonly options: SubscriberOptions,
  ) {}

  /** Replaces the topics and the offsets the client holds; events after them follow. */
  subscribe(topics: Record<string, number>, reset: readonly string[] = []): void {
    this.cursors.clear();
    this.snapshots.clear();
    for (const [topic, offset] of Object.entries(topics)) {
      this.cursors.set(topic, offset);
      const behindFloor = offset < this.log.floor(topic) - 1;
      const newAndLong = offset === 0 && this.log.head(topic) > this.options.snapshotAbove;
      if (behindFloor || newAndLong || reset.includes(topic)) this.snapshots.add(topic);
    }
    this.wake();
  }

  wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.scheduled = false;
    if (!this.socket.connected) return;
    for (const topic of this.snapshots) {
      if (this.inFlight >= MAX_IN_FLIGHT) return;
      const upTo = this.log.head(topic);
      this.snapshots.delete(topic);
      this.cursors.set(topic, upTo);
      this.inFlight++;
      this.socket.emit(HUB_EVENTS.snapshot, { topic, upTo, events: this.log.snapshot(topic) }, () => {
        this.inFlight--;
        this.wake();
      });
    }
    for (const [topic, cursor] of this.cursors) {
      if (this.inFlight >= MAX_IN_FLIGHT) return;
      const head = this.log.head(topic);
      if (cursor >= head) continue;
      const batch = this.log.read(topic, cursor, head - cursor > CATCH_UP_BEHIND ? CATCH_UP_BATCH : BATCH);
      const last = batch[batch.length - 1];
      if (!last) continue;
      this.cursors.set(topic, last.offset);
      this.inFlight++;
      this.socket.emit(HUB_EVENTS.events, batch, () => {
        this.inFlight--;
        this.wake();
      });
    }
    for (const [topic, cursor] of this.cursors) {
      if (cursor < this.log.head(topic)) {
        this.wake();
        return;
      }
    }
  }
}
