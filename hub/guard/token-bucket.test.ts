import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('token bucket', () => {
  it('gives a burst at once, then the rate, and says how long until the next token', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 3 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.waitMs(0)).toBe(100);
    expect(bucket.take(50)).toBe(false);
    expect(bucket.waitMs(50)).toBe(50);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(100)).toBe(false);
  });

  it('refills up to the burst and no further, and ignores a clock going back', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 3 }, 0);
    for (let i = 0; i < 3; i++) bucket.take(0);
    const taken = Array.from({ length: 5 }, () => bucket.take(60_000)).filter(Boolean).length;
    expect(taken).toBe(3);
    expect(bucket.take(1_000)).toBe(false);
  });
});
