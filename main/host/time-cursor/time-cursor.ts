// The wall's time cursor in the host: live, or as of T, optionally replaying (T moves forward at ×speed, one tick a
// second). Each change is told with the events it needs: a jump makes pages repaint from hello; a replay tick sends
// the events T passed over, so pages advance without repainting. A replay that reaches the present goes live.
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { TimeCursorChange, TimeCursorRequest, TimeCursorState } from '../../../src/contract/time-cursor.js';

const TICK_MS = 1000;

export interface TimeCursorOptions {
  /** The events with from < time ≤ to (null: too many for one tick). */
  between(from: number, to: number): Envelope[] | null;
  heldFrom(): number | null;
  /** Tells every page: the change, then (a replay tick) the events it passed. */
  tell(change: TimeCursorChange, events: Envelope[]): void;
  now?: () => number;
}

export class TimeCursor {
  private state: TimeCursorState = { asOf: null, replaySpeed: null, heldFrom: null };
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: TimeCursorOptions) {
    this.now = options.now ?? Date.now;
  }

  current(): TimeCursorState {
    return this.state;
  }

  get live(): boolean {
    return this.state.asOf === null;
  }

  /** Applies the console's request; a time in the future is refused (the wall is live then). */
  set(request: TimeCursorRequest): TimeCursorState {
    if (request.asOf !== null && request.asOf > this.now())
      throw new Error('thời điểm ở tương lai (time is in the future)');
    this.stopReplay();
    this.state =
      request.asOf === null
        ? { asOf: null, replaySpeed: null, heldFrom: null }
        : { asOf: request.asOf, replaySpeed: request.replaySpeed, heldFrom: this.options.heldFrom() };
    this.options.tell({ state: this.state, jump: true }, []);
    if (this.state.replaySpeed !== null) this.timer = setInterval(() => this.tick(), TICK_MS);
    return this.state;
  }

  private tick(): void {
    const { asOf, replaySpeed } = this.state;
    if (asOf === null || replaySpeed === null) return;
    const next = asOf + replaySpeed * TICK_MS;
    if (next >= this.now()) {
      this.set({ asOf: null, replaySpeed: null });
      return;
    }
    const events = this.options.between(asOf, next);
    this.state = { ...this.state, asOf: next };
    this.options.tell({ state: this.state, jump: events === null }, events ?? []);
  }

  private stopReplay(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  close(): void {
    this.stopReplay();
  }
}
