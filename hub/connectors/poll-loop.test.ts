import { describe, expect, it } from 'vitest';
import { PollTiming, nextDelayMs } from './poll-loop.js';

describe('poll backoff', () => {
  it('doubles the wait after each failure up to the cap, and returns to the interval after a success', () => {
    const timing = PollTiming.parse({ intervalS: 60, maxBackoffS: 600 });
    expect([0, 1, 2, 3, 4, 10].map((f) => nextDelayMs(timing, f) / 1000)).toEqual([60, 120, 240, 480, 600, 600]);
  });

  it('never waits less than the interval, even with a cap below it', () => {
    const timing = PollTiming.parse({ intervalS: 3600, maxBackoffS: 60 });
    expect(nextDelayMs(timing, 3)).toBe(3_600_000);
  });
});
