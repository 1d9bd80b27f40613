// Tells a stalled hub from a quiet one. socket.io notices a dead link only after its ping interval and timeout
// (45 s by default), and a half-dead TCP link (bytes from the hub held somewhere) never closes at all. So the host
// notes everything it hears from the hub; after a third of the stall timeout of silence it asks something the hub
// answers (a probe), and after the whole timeout of silence the hub counts as stalled. Pure: the clock is given.

export type StallVerdict = 'ok' | 'probe' | 'stalled';

export class HubStallWatch {
  private lastHeard: number;
  private lastCheck: number;
  private probedAt = -Infinity;

  constructor(
    private readonly stallMs: number,
    /** How often `check` is called. */
    private readonly checkEveryMs: number,
    now: number,
  ) {
    this.lastHeard = now;
    this.lastCheck = now;
  }

  heard(now: number): void {
    this.lastHeard = Math.max(this.lastHeard, now);
  }

  check(now: number): StallVerdict {
    // Checked late: this process was busy (a large batch being stored), so the silence may be ours, not the hub's.
    if (now - this.lastCheck > 2 * this.checkEveryMs) this.lastHeard = Math.max(this.lastHeard, now);
    this.lastCheck = now;
    const silence = now - this.lastHeard;
    if (silence >= this.stallMs) return 'stalled';
    if (silence >= this.stallMs / 3 && this.probedAt < this.lastHeard) {
      this.probedAt = now;
      return 'probe';
    }
    return 'ok';
  }
}
