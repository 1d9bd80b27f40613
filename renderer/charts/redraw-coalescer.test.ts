import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RedrawCoalescer } from './redraw-coalescer';

describe('RedrawCoalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws the first change at once and folds a burst into one draw a second later', () => {
    const draw = vi.fn();
    const c = new RedrawCoalescer(draw, 1000);
    expect(c.request()).toBe(true);
    expect(draw).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(5);
      c.request();
    }
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('never draws more than once per second under a steady stream of changes', () => {
    const draw = vi.fn();
    const c = new RedrawCoalescer(draw, 1000);
    // 100 changes a second for 10 seconds.
    for (let i = 0; i < 1000; i++) {
      c.request();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(draw.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(draw.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('draws at once again after a quiet second, and nothing after dispose', () => {
    const draw = vi.fn();
    const c = new RedrawCoalescer(draw, 1000);
    c.request();
    vi.advanceTimersByTime(1500);
    expect(c.request()).toBe(true);
    expect(draw).toHaveBeenCalledTimes(2);
    c.request();
    expect(c.pending).toBe(true);
    c.dispose();
    vi.advanceTimersByTime(5000);
    expect(draw).toHaveBeenCalledTimes(2);
  });
});
