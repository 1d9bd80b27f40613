// At most one redraw per interval however often data changes: the first change draws at once (a quiet chart
// shows news without delay), later ones within the interval are folded into a single draw at its end, which
// draws whatever is newest by then. A wall of charts on a live topic then costs one paint per chart per second.
export const MIN_REDRAW_MS = 1000;

export class RedrawCoalescer {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly draw: () => void,
    private readonly intervalMs = MIN_REDRAW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Asks for a redraw; returns whether it happened now (false: folded into a pending one). */
  request(): boolean {
    if (this.disposed || this.timer !== null) return false;
    const wait = this.lastDraw + this.intervalMs - this.now();
    if (wait <= 0) {
      this.fire();
      return true;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fire();
    }, wait);
    return false;
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    if (this.disposed) return;
    this.lastDraw = this.now();
    this.draw();
  }
}
