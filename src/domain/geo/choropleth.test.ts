import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, SEQUENTIAL_PALETTE, breakStep, classify, hexColor, paletteFor } from './choropleth.js';

describe('classify', () => {
  it('makes quantile classes with rounded, increasing breaks', () => {
    const values = Array.from({ length: 34 }, (_, i) => 5 + i * 0.1); // 5.0 … 8.3
    const c = classify(values, { classes: 5, method: 'quantile' });
    expect(c.classes).toHaveLength(5);
    expect(c.classes[0]?.min).toBe(5);
    expect(c.digits).toBe(1);
    expect(c.classes[4]?.max).toBeCloseTo(8.3, 10);
    for (let i = 1; i < c.classes.length; i++) expect(c.classes[i]?.min).toBe(c.classes[i - 1]?.max);
    // Quantiles split 34 values roughly evenly.
    for (const k of c.classes) expect(k.count).toBeGreaterThanOrEqual(6);
    expect(c.classes.reduce((s, k) => s + k.count, 0)).toBe(34);
  });

  it('makes equal intervals', () => {
    const c = classify([0, 10, 20, 30, 40, 100], { classes: 4, method: 'equal-interval' });
    expect(c.classes.map((k) => [k.min, k.max])).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
    expect(c.classes.map((k) => k.count)).toEqual([3, 2, 0, 1]);
    expect(c.classOf(25)).toBe(1);
    expect(c.classOf(100)).toBe(3);
    expect(c.classOf(101)).toBeNull();
    expect(c.classOf(Number.NaN)).toBeNull();
  });

  it('falls back to fewer classes when values tie, and to one class when all are equal', () => {
    expect(classify([1, 1, 1, 1, 2], { classes: 5, method: 'quantile' }).classes.length).toBeLessThan(5);
    const same = classify([3, 3, 3], { classes: 5, method: 'quantile' });
    expect(same.classes).toHaveLength(1);
    expect(same.classOf(3)).toBe(0);
    expect(classify([], { classes: 5, method: 'quantile' }).classes).toEqual([]);
  });

  it('puts every value in exactly one class whose range holds it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 2, max: 7 }),
        fc.constantFrom('quantile' as const, 'equal-interval' as const),
        (values, classes, method) => {
          const c = classify(values, { classes, method });
          expect(c.classes.length).toBeGreaterThanOrEqual(1);
          expect(c.classes.length).toBeLessThanOrEqual(classes);
          for (const v of values) {
            const i = c.classOf(v);
            expect(i).not.toBeNull();
            const k = c.classes[i as number]!;
            expect(v).toBeGreaterThanOrEqual(k.min);
            expect(v).toBeLessThanOrEqual(k.max);
          }
          expect(c.classes.reduce((s, k) => s + k.count, 0)).toBe(values.length);
        },
      ),
    );
  });
});

describe('palette', () => {
  it('spreads colours over the palette, ends included, all distinct from "no data"', () => {
    expect(paletteFor(2)).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[6]]);
    const five = paletteFor(5).map(hexColor);
    expect(new Set(five).size).toBe(5);
    expect(five).not.toContain(hexColor(NO_DATA_COLOR));
    expect(hexColor([70, 50, 126])).toBe('#46327e');
  });

  it('rounds breaks to about two significant digits of the range', () => {
    expect(breakStep(5, 8.3)).toBe(0.1);
    expect(breakStep(0, 12_000)).toBe(100);
    expect(breakStep(0, 100)).toBe(1);
    expect(breakStep(7, 7)).toBe(0.1);
  });
});
