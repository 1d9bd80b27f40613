import { describe, expect, it } from 'vitest';
import { ProgressWatch } from './progress-watch';

describe('ProgressWatch', () => {
  it('reports movement and a stall after the configured time without movement', () => {
    const watch = new ProgressWatch(5000);
    watch.reset(0);
    expect(watch.sample(0, 0)).toBe(false); // the first sample only sets the reference
    expect(watch.sample(0.9, 1000)).toBe(true);
    expect(watch.sample(0.9, 2000)).toBe(false);
    expect(watch.stalled(5999)).toBe(false);
    expect(watch.stalled(6000)).toBe(true);
    watch.sample(1.2, 6500);
    expect(watch.stalled(7000)).toBe(false);
  });

  it('counts from reset when nothing ever played', () => {
    const watch = new ProgressWatch(3000);
    watch.reset(10_000);
    watch.sample(Number.NaN, 10_500);
    expect(watch.stalled(12_000)).toBe(false);
    expect(watch.stalled(13_000)).toBe(true);
  });
});
