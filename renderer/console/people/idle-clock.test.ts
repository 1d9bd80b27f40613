import { describe, expect, it } from 'vitest';
import { IdleClock } from './idle-clock';

const MIN = 60_000;

describe('IdleClock', () => {
  it('is idle exactly the configured time after the last input', () => {
    const clock = new IdleClock(15 * MIN, 0);
    expect(clock.isIdle(15 * MIN - 1)).toBe(false);
    expect(clock.msLeft(10 * MIN)).toBe(5 * MIN);
    expect(clock.isIdle(15 * MIN)).toBe(true);
  });

  it('starts over with each input', () => {
    const clock = new IdleClock(15 * MIN, 0);
    clock.touch(14 * MIN);
    expect(clock.isIdle(20 * MIN)).toBe(false);
    expect(clock.msLeft(20 * MIN)).toBe(9 * MIN);
    expect(clock.isIdle(29 * MIN)).toBe(true);
  });

  it('is not moved back by input reported with an earlier time', () => {
    const clock = new IdleClock(MIN, 0);
    clock.touch(50_000);
    clock.touch(10_000);
    expect(clock.msLeft(60_000)).toBe(50_000);
  });
});
