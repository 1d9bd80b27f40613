// Frames painted in the last second, from requestAnimationFrame timestamps. Pure, so it is unit-tested.
export class FpsCounter {
  private readonly frames: number[] = [];

  /** Records a frame painted at `t` (ms, the rAF timestamp). */
  frame(t: number): void {
    this.frames.push(t);
    this.trim(t);
  }

  /** Frames recorded in the second up to `now`. */
  fps(now: number): number {
    this.trim(now);
    return this.frames.length;
  }

  private trim(now: number): void {
    let drop = 0;
    while (drop < this.frames.length && (this.frames[drop] ?? 0) <= now - 1000) drop++;
    if (drop > 0) this.frames.splice(0, drop);
  }
}
