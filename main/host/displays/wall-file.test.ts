import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWallFile } from './wall-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ioc-wall-file-'));
let n = 0;
function file(content: unknown): string {
  const path = join(dir, `wall-${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const monitor = (id: string, x: number, y: number, extra: object = {}): object => ({
  id,
  name: id,
  x,
  y,
  width: 1920,
  height: 1080,
  ...extra,
});

describe('wall file', () => {
  it('reads an old file (no bezels, no surfaces) with the new fields defaulted', async () => {
    const wall = await loadWallFile(file({ name: 'w', monitors: [monitor('left', 0, 0), monitor('right', 1920, 0)] }));
    expect(wall.bezelCompensation).toBe(true);
    expect(wall.surfaces).toEqual([]);
    expect(wall.monitors[0]).toEqual({
      id: 'left',
      name: 'left',
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
      primary: false,
    });
  });

  it('reads bezels, pitch, grid places and a spanning surface', async () => {
    const bezel = { bezelMm: { left: 6, right: 6, top: 4 }, pixelPitchMm: 0.25 };
    const wall = await loadWallFile(
      file({
        name: 'w',
        bezelCompensation: false,
        monitors: [
          monitor('a', 0, 0, { ...bezel, row: 0, col: 0 }),
          monitor('b', 1920, 0, { ...bezel, row: 0, col: 1 }),
        ],
        surfaces: [{ id: 'span', monitors: ['a', 'b'] }],
      }),
    );
    expect(wall.monitors[0]!.bezelMm).toEqual({ left: 6, right: 6, top: 4, bottom: 0 });
    expect(wall.surfaces).toEqual([{ id: 'span', monitors: ['a', 'b'] }]);
    expect(wall.bezelCompensation).toBe(false);
  });

  it.each([
    [{ bezelMm: { left: -1 } }, /monitors\.0\.bezelMm\.left/],
    [{ bezelMm: { lft: 2 } }, /monitors\.0\.bezelMm/],
    [{ pixelPitchMm: 0 }, /monitors\.0\.pixelPitchMm/],
    [{ bezelMm: { left: 5 } }, /monitors\.0\.pixelPitchMm: needed to compensate/],
    [{ row: 1.5 }, /monitors\.0\.row/],
  ])('names the bad monitor field of %j', async (extra, field) => {
    await expect(loadWallFile(file({ name: 'w', monitors: [monitor('a', 0, 0, extra)] }))).rejects.toThrow(field);
  });

  it.each([
    [[{ id: 'span', monitors: ['a', 'zz'] }], /surfaces\.0\.monitors\.1: no monitor "zz"/],
    [[{ id: 'span', monitors: ['a', 'd'] }], /surfaces\.0\.monitors: .*full rectangle/],
    [[{ id: 'Span!', monitors: ['a'] }], /surfaces\.0\.id/],
    [[{ id: 'span', monitors: [] }], /surfaces\.0\.monitors/],
    [[{ id: 'span', monitors: ['a'], extra: 1 }], /surfaces\.0/],
  ])('names the bad surface field of %j', async (surfaces, field) => {
    const monitors = [monitor('a', 0, 0), monitor('b', 1920, 0), monitor('c', 0, 1080), monitor('d', 1920, 1080)];
    await expect(loadWallFile(file({ name: 'w', monitors, surfaces }))).rejects.toThrow(field);
  });
});
