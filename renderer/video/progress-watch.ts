// Whether a playing video is still moving. Media elements do not say "the source is gone" reliably: a live HLS
// stream whose server died keeps playing its buffer and then simply waits, a WebRTC track may stay "live" with no
// frames. So the tile samples currentTime and calls the source lost when it has not advanced for a while.

export class ProgressWatch {
  private lastTime = Number.NaN;
  private lastChange = 0;

  constructor(private readonly stallMs: number) {}

  /** Starts (again) counting from `now`, e.g. when a source is attached. */
  reset(now: number): void {
    this.lastTime = Number.NaN;
    this.lastChange = now;
  }

  /** Feeds one sample; returns whether the media time moved since the previous sample. */
  sample(currentTime: number, now: number): boolean {
    if (!Number.isFinite(currentTime)) return false;
    const first = Number.isNaN(this.lastTime);
    const moved = !first && currentTime !== this.lastTime;
    if (moved) this.lastChange = now;
    this.lastTime = currentTime;
    return moved;
  }

  /** True once the media time has stood still for `stallMs`. */
  stalled(now: number): boolean {
    return now - this.lastChange >= this.stallMs;
  }
}
