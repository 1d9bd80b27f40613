import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles from one second and stops at ten', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('treats odd attempts as the first', () => {
    expect(retryDelayMs(-3)).toBe(1000);
    expect(retryDelayMs(Number.NaN)).toBe(1000);
  });
});
