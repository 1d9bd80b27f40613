import { describe, expect, it } from 'vitest';
import { stopwatch } from './elapsed';

describe('stopwatch', () => {
  it('reads minutes and seconds under an hour, hours beyond', () => {
    expect(stopwatch(0)).toBe('0:00');
    expect(stopwatch(61_999)).toBe('1:01');
    expect(stopwatch(3_599_000)).toBe('59:59');
    expect(stopwatch(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07');
  });
  it('never goes negative (clocks that disagree slightly) nor reads garbage', () => {
    expect(stopwatch(-5_000)).toBe('0:00');
    expect(stopwatch(Number.NaN)).toBe('0:00');
  });
});
