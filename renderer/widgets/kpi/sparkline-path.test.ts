import { describe, expect, it } from 'vitest';
import { sparklinePath, thin } from './sparkline-path';

describe('sparklinePath', () => {
  it('spans the box, low values at the bottom', () => {
    expect(
      sparklinePath(
        [
          [0, 0],
          [10, 10],
        ],
        100,
        20,
        0,
      ),
    ).toBe('M0,20 L100,0');
  });

  it('draws a flat line in the middle and nothing for a single point', () => {
    expect(
      sparklinePath(
        [
          [0, 5],
          [1, 5],
        ],
        100,
        20,
        0,
      ),
    ).toBe('M0,10 L100,10');
    expect(sparklinePath([[0, 5]], 100, 20)).toBeNull();
  });
});

describe('thin', () => {
  it('keeps the first and last and at most max points', () => {
    const points = Array.from({ length: 1000 }, (_, i) => [i, i] as const);
    const out = thin(points, 50);
    expect(out).toHaveLength(50);
    expect(out[0]).toEqual([0, 0]);
    expect(out.at(-1)).toEqual([999, 999]);
  });
});
