// When a console counts as idle: no input for the configured time. Pure (times are passed in) so the rule is
// tested without timers; the hook that feeds it input and checks it is use-idle-lock.ts.

export class IdleClock {
  private last: number;

  constructor(
    private readonly timeoutMs: number,
    now: number,
  ) {
    this.last = now;
  }

  /** Input happened at `now`. */
  touch(now: number): void {
    if (now > this.last) this.last = now;
  }

  /** How long until idle (0: idle now). */
  msLeft(now: number): number {
    return Math.max(0, this.last + this.timeoutMs - now);
  }

  isIdle(now: number): boolean {
    return this.msLeft(now) === 0;
  }
}
