// "At most once per interval, whatever is newest": the first request after a quiet interval runs at once (news is
// shown without delay); later ones within the interval are folded into one run at its end, which takes whatever is
// newest by then. Used for chart redraws (once a second), the page's intake of feed events and the host's
// broadcasts to its windows. Timers are passed in: this folder runs in node and in the page alike.

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface RateCoalescerOptions {
  intervalMs: number;
  /**
   * A folded run waits this much longer than the interval for a request to carry it: a request that comes after
   * the interval runs at once, in its own task. Charts use it to redraw in the same frame as the values that
   * changed, not in a frame of their own; the timer only catches the last change of a burst.
   */
  slackMs?: number;
  timers: Timers;
  now?: () => number;
}

export class RateCoalescer {
  private lastRun = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private disposed = false;
  private readonly intervalMs: number;
  private readonly slackMs: number;
  private readonly timers: Timers;
  private readonly now: () => number;

  constructor(
    private readonly run: () => void,
    options: RateCoalescerOptions,
  ) {
    this.intervalMs = options.intervalMs;
    this.slackMs = options.slackMs ?? 0;
    this.timers = options.timers;
    this.now = options.now ?? Date.now;
  }

  /** Asks for a run; returns whether it happened now (false: folded into a pending one). */
  request(): boolean {
    if (this.disposed) return false;
    const now = this.now();
    if (now - this.lastRun >= this.intervalMs) {
      this.fire(now);
      return true;
    }
    if (this.timer === null) {
      this.timer = this.timers.set(
        () => {
          this.timer = null;
          this.fire(this.now());
        },
        this.lastRun + this.intervalMs + this.slackMs - now,
      );
    }
    return false;
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private fire(at: number): void {
    if (this.disposed) return;
    this.cancel();
    this.lastRun = at;
    this.run();
  }
}
