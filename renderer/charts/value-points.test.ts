import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import fc from 'fast-check';
import { NotAFigureError, PointSeries, valuePoints, withLatest } from './value-points';

const ev = (offset: number, payload: unknown): Envelope => ({
  topic: 'econ.live',
  offset,
  time: offset * 1000,
  source: 't',
  key: 'new_businesses_today',
  payload,
});

describe('valuePoints', () => {
  it('reads time and payload.value', () => {
    expect(valuePoints([ev(1, { value: 3 }), ev(2, { value: 4.5, other: 'x' })])).toEqual([
      [1000, 3],
      [2000, 4.5],
    ]);
  });

  it('refuses a payload without a number', () => {
    expect(() => valuePoints([ev(1, { value: 'nhiều' })])).toThrow(NotAFigureError);
    expect(() => valuePoints([ev(1, { id: 'NV-1' })])).toThrow(/payload.value/);
  });

  it('refuses the same bad event again when read a second time (the verdict is remembered, not forgotten)', () => {
    const bad = ev(1, { value: null });
    expect(() => valuePoints([bad])).toThrow(NotAFigureError);
    expect(() => valuePoints([ev(2, { value: 2 }), bad])).toThrow(NotAFigureError);
  });

  it('reads an event once and gives the same point back', () => {
    const e = ev(1, { value: 7 });
    const first = valuePoints([e])[0];
    expect(valuePoints([e])[0]).toBe(first);
  });
});

describe('withLatest', () => {
  it('adds the latest value only when it is newer than the history', () => {
    const h = [ev(1, { value: 1 })];
    expect(withLatest(h, ev(2, { value: 2 }))).toHaveLength(2);
    expect(withLatest(h, ev(1, { value: 1 }))).toBe(h);
    expect(withLatest([], ev(3, { value: 3 }))).toHaveLength(1);
    expect(withLatest(h, undefined)).toBe(h);
  });
});

describe('PointSeries', () => {
  const window = (from: number, to: number): Envelope[] =>
    Array.from({ length: to - from + 1 }, (_, i) => ev(from + i, { value: (from + i) * 10 }));

  it('always gives what valuePoints gives, whichever way the window moves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 40 })), { maxLength: 30 }),
        (windows) => {
          const series = new PointSeries();
          for (const [from, length] of windows) {
            const events = window(from, from + length - 1);
            expect(series.of(events)).toEqual(valuePoints(events));
          }
        },
      ),
    );
  });

  it('refuses a bad event that enters a moving window, and goes on from what it held', () => {
    const series = new PointSeries();
    series.of(window(1, 100));
    const bad = ev(102, { value: 'x' });
    expect(() => series.of([...window(50, 101), bad])).toThrow(NotAFigureError);
    expect(series.of(window(60, 101))).toEqual(valuePoints(window(60, 101)));
  });
});
