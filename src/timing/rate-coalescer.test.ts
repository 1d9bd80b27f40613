import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateCoalescer, type Timers } from './rate-coalescer';

const timers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('RateCoalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first request at once and folds a burst into one run at the end of the interval', () => {
    const run = vi.fn();
    const c = new RateCoalescer(run, { intervalMs: 1000, timers });
    expect(c.request()).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(5);
      c.request();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(499);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('never runs twice within an interval under a steady stream of requests', () => {
    const times: number[] = [];
    const c = new RateCoalescer(() => times.push(Date.now()), { intervalMs: 1000, slackMs: 100, timers });
    // 100 requests a second for 10 seconds, at uneven moments.
    for (let i = 0; i < 1000; i++) {
      c.request();
      vi.advanceTimersByTime(i % 3 === 0 ? 3 : 13);
    }
    vi.advanceTimersByTime(2000);
    expect(times.length).toBeGreaterThanOrEqual(9);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('with slack, a later request carries the run and the timer only catches the last one', () => {
    const times: number[] = [];
    const c = new RateCoalescer(() => times.push(Date.now()), { intervalMs: 1000, slackMs: 100, timers });
    c.request(); // t=0: runs
    vi.advanceTimersByTime(500);
    c.request(); // folded: timer for t=1100
    vi.advanceTimersByTime(530);
    expect(c.request()).toBe(true); // t=1030: carried by this request, not by the timer
    expect(times).toEqual([0, 1030]);
    vi.advanceTimersByTime(300);
    expect(times).toEqual([0, 1030]); // the timer was cancelled with it
    c.request(); // t=1330: folded, nothing comes after it
    vi.advanceTimersByTime(2000);
    expect(times).toEqual([0, 1030, 2130]);
  });

  it('runs at once again after a quiet interval, and never after dispose', () => {
    const run = vi.fn();
    const c = new RateCoalescer(run, { intervalMs: 1000, timers });
    c.request();
    vi.advanceTimersByTime(1500);
    expect(c.request()).toBe(true);
    expect(run).toHaveBeenCalledTimes(2);
    c.request();
    expect(c.pending).toBe(true);
    c.dispose();
    vi.advanceTimersByTime(5000);
    expect(c.request()).toBe(false);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
