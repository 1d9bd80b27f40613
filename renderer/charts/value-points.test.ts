import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { NotAFigureError, valuePoints, withLatest } from './value-points';

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
