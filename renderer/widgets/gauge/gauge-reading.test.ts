import { describe, expect, it } from 'vitest';
import { gaugeReading, niceCeiling } from './gauge-reading';

describe('gaugeReading', () => {
  it('measures the gap and attainment against the target', () => {
    const r = gaugeReading(48.6, 60, 1);
    expect(r.gap).toBeCloseTo(-11.4, 10);
    expect(r.attainment).toBeCloseTo(81, 10);
    expect(r.state).toBe('below');
    expect(r.max).toBe(100);
    expect(r.offScale).toBe(false);
  });

  it('says above, or on target when the gap rounds to nothing at the digits shown', () => {
    expect(gaugeReading(72, 60, 1).state).toBe('above');
    expect(gaugeReading(60.04, 60, 1).state).toBe('on');
    expect(gaugeReading(60.04, 60, 2).state).toBe('above');
  });

  it('has no attainment against a zero target, and flags a value beyond a fixed scale', () => {
    expect(gaugeReading(3, 0, 1).attainment).toBeNull();
    const r = gaugeReading(130, 60, 0, 100);
    expect(r.offScale).toBe(true);
    expect(r.max).toBe(100);
  });

  it('starts the scale below zero for a negative value', () => {
    expect(gaugeReading(-2, 5, 1).min).toBe(-2);
  });
});

describe('niceCeiling', () => {
  it('rounds up to 1, 2, 2,5 or 5 × 10ⁿ', () => {
    expect(niceCeiling(75)).toBe(100);
    expect(niceCeiling(180)).toBe(200);
    expect(niceCeiling(2.2)).toBe(2.5);
    expect(niceCeiling(0.03)).toBe(0.05);
    expect(niceCeiling(0)).toBe(1);
  });
});
