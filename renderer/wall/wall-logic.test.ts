import { describe, expect, it } from 'vitest';
import type { SurfaceLayout, Tile } from '../../src/contract/wall.js';
import { FpsCounter } from './fps-counter';
import { isStale, stalenessLimitMs } from './freshness';
import { fitsLayout, gridArea } from './tile-placement';

describe('freshness', () => {
  it('uses the expected period of the topic (econ.live: 5 s, ops.alerts: 60 s)', () => {
    expect(stalenessLimitMs(['econ.live'])).toBe(5000);
    expect(isStale(5000, ['econ.live'])).toBe(false);
    expect(isStale(5001, ['econ.live'])).toBe(true);
    expect(isStale(59_000, ['ops.alerts'])).toBe(false);
    expect(isStale(61_000, ['ops.alerts'])).toBe(true);
  });
  it('never calls a tile without topics stale', () => {
    expect(stalenessLimitMs([])).toBeNull();
    expect(isStale(1e9, [])).toBe(false);
  });
});

describe('FpsCounter', () => {
  it('counts frames of the last second only', () => {
    const c = new FpsCounter();
    for (let t = 0; t < 2000; t += 16) c.frame(t);
    expect(c.fps(2000)).toBe(62); // frames 1008 … 1984
    expect(c.fps(3500)).toBe(0);
  });
});

describe('tile placement', () => {
  const layout: SurfaceLayout = { columns: 12, rows: 8, tiles: [] };
  const tile = (x: number, y: number, w: number, h: number): Tile => ({
    id: 't',
    kind: 'kpi',
    x,
    y,
    w,
    h,
    settings: {},
  });
  it('maps cells to 1-based grid lines', () => {
    expect(gridArea(tile(0, 0, 4, 3), layout)).toEqual({ gridColumn: '1 / span 4', gridRow: '1 / span 3' });
    expect(gridArea(tile(8, 6, 4, 2), layout)).toEqual({ gridColumn: '9 / span 4', gridRow: '7 / span 2' });
  });
  it('clips a tile that sticks out, and says it does not fit', () => {
    expect(fitsLayout(tile(10, 0, 4, 1), layout)).toBe(false);
    expect(fitsLayout(tile(8, 0, 4, 8), layout)).toBe(true);
    expect(gridArea(tile(10, 7, 4, 5), layout)).toEqual({ gridColumn: '11 / span 2', gridRow: '8 / span 1' });
    expect(gridArea(tile(30, 30, 1, 1), layout)).toEqual({ gridColumn: '12 / span 1', gridRow: '8 / span 1' });
  });
});
