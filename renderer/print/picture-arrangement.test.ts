import { describe, expect, it } from 'vitest';
import { arrangePicture } from './picture-arrangement';

const ROOM = { width: 1043, height: 470 };
const screen = (x: number, y = 0) => ({ x, y, width: 1920, height: 1080 });

describe('arrangePicture', () => {
  it('keeps a 2×2 wall as it stands', () => {
    const wall = [screen(0), screen(1920), screen(0, 1080), screen(1920, 1080)];
    const a = arrangePicture(wall, ROOM);
    expect(a.places.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [1920, 0],
      [0, 1080],
      [1920, 1080],
    ]);
    expect(a.scale).toBeCloseTo(470 / 2160);
  });

  it('folds five monitors in a row into rows, in reading order, to print larger', () => {
    const row = [screen(3840), screen(0), screen(1920), screen(5760), screen(7680)];
    const a = arrangePicture(row, ROOM);
    expect(a.scale).toBeGreaterThan(1.3 * (1043 / (5 * 1920)));
    // The leftmost monitor comes first; each place is one cell of the grid.
    expect(a.places[1]).toMatchObject({ x: 0, y: 0 });
    expect(a.places[2]).toMatchObject({ x: 1920, y: 0 });
    expect(new Set(a.places.map((p) => `${p.x},${p.y}`)).size).toBe(5);
    expect(a.width * a.scale).toBeLessThanOrEqual(ROOM.width + 1e-6);
    expect(a.height * a.scale).toBeLessThanOrEqual(ROOM.height + 1e-6);
  });

  it('keeps a single surface whole, at its offset removed', () => {
    const a = arrangePicture([{ x: 100, y: 50, width: 1920, height: 1080 }], ROOM);
    expect(a.places).toEqual([{ x: 0, y: 0, width: 1920, height: 1080 }]);
  });
});
