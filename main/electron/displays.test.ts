import { describe, expect, it } from 'vitest';
import { monitorsFromDisplays } from './displays.js';
import type { DisplayInfo } from './displays.js';

const display = (id: number, x: number, y: number, label = ''): DisplayInfo => ({
  id,
  label,
  bounds: { x, y, width: 1920, height: 1080 },
});

describe('monitorsFromDisplays', () => {
  it('converts bounds, ids, names and the primary flag', () => {
    const monitors = monitorsFromDisplays([display(7, 0, 0, 'DELL U2720Q'), display(9, 1920, 0)], 7);
    expect(monitors).toEqual([
      { id: 'display-7', name: 'DELL U2720Q', x: 0, y: 0, width: 1920, height: 1080, primary: true },
      { id: 'display-9', name: 'Màn hình 2', x: 1920, y: 0, width: 1920, height: 1080, primary: false },
    ]);
  });

  it('numbers monitors in reading order: top row first, then left to right', () => {
    const monitors = monitorsFromDisplays(
      [display(4, 1920, 1080), display(3, 0, 1080), display(2, 1920, 0), display(1, 0, 0)],
      null,
    );
    expect(monitors.map((m) => [m.id, m.name])).toEqual([
      ['display-1', 'Màn hình 1'],
      ['display-2', 'Màn hình 2'],
      ['display-3', 'Màn hình 3'],
      ['display-4', 'Màn hình 4'],
    ]);
    expect(monitors.every((m) => !m.primary)).toBe(true);
  });

  it('handles monitors left of or above the primary (negative coordinates)', () => {
    const [left] = monitorsFromDisplays([display(5, -1920, -200)], 1);
    expect(left).toMatchObject({ x: -1920, y: -200 });
  });

  it('rounds fractional DIP bounds (scaled displays) to the integers the contract requires', () => {
    const [m] = monitorsFromDisplays([{ id: 1, label: '', bounds: { x: 0.4, y: 0, width: 1706.67, height: 960 } }], 1);
    expect(m).toMatchObject({ x: 0, width: 1707, height: 960 });
  });

  it('keeps names within the contract and ignores blank labels', () => {
    const [long, blank] = monitorsFromDisplays([display(1, 0, 0, 'x'.repeat(300)), display(2, 1920, 0, '   ')], 1);
    expect(long?.name).toHaveLength(120);
    expect(blank?.name).toBe('Màn hình 2');
  });

  it('returns nothing for no displays', () => {
    expect(monitorsFromDisplays([], null)).toEqual([]);
  });
});
