import { describe, expect, it } from 'vitest';
import { pointerOnSurface, wallBox } from './pointer-place.js';

const left = { x: 0, y: 0, width: 1920, height: 1080 };
const right = { x: 1920, y: 0, width: 1920, height: 1080 };

describe('wallBox', () => {
  it('holds every surface', () => {
    expect(wallBox([right, left])).toEqual({ x: 0, y: 0, width: 3840, height: 1080 });
    expect(wallBox([])).toBeNull();
  });
});

describe('pointerOnSurface', () => {
  const wall = wallBox([left, right])!;
  it('places the point on the surface that holds it, in that surface’s fractions', () => {
    expect(pointerOnSurface({ x: 0.25, y: 0.5 }, wall, left)).toEqual({ x: 0.5, y: 0.5 });
    expect(pointerOnSurface({ x: 0.25, y: 0.5 }, wall, right)).toBeNull();
    expect(pointerOnSurface({ x: 0.875, y: 1 }, wall, right)).toEqual({ x: 0.75, y: 1 });
  });
  it('leaves a gap between surfaces (a bezel) to neither', () => {
    const gapWall = wallBox([left, { ...right, x: 2000 }])!;
    expect(pointerOnSurface({ x: 1960 / 3920, y: 0.5 }, gapWall, left)).toBeNull();
  });
});
