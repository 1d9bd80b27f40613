import { describe, expect, it } from 'vitest';
import { declutter } from './label-declutter.js';

const box = (x: number, y: number, priority: number, width = 100, height = 20) => ({ x, y, width, height, priority });

describe('declutter', () => {
  it('keeps separate labels and drops the less important of two that overlap', () => {
    expect(declutter([box(0, 0, 1), box(300, 0, 1)])).toEqual([0, 1]);
    expect(declutter([box(0, 0, 1), box(50, 5, 2)])).toEqual([1]);
    expect(declutter([box(0, 0, 2), box(50, 5, 1)])).toEqual([0]);
  });

  it('treats the gap as part of each box', () => {
    expect(declutter([box(0, 0, 1), box(0, 21, 1)], 0)).toEqual([0, 1]);
    expect(declutter([box(0, 0, 1), box(0, 21, 1)], 2)).toEqual([0]);
  });

  it('keeps input order among equals and returns indices in input order', () => {
    expect(declutter([box(500, 0, 0), box(0, 0, 1), box(10, 0, 1)])).toEqual([0, 1]);
  });
});
