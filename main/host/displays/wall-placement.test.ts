import { describe, expect, it } from 'vitest';
import { defaultSurfaces } from '../../../src/domain/default-wall.js';
import { gridMonitors } from '../../../test/support/grid-monitors.js';
import { planWall } from '../../../src/domain/wall/wall-plan.js';
import { WallPlacement } from './wall-placement.js';

describe('wall placement in the host', () => {
  const monitors = gridMonitors(2, 2);
  const placement = new WallPlacement(monitors, planWall(monitors, defaultSurfaces(monitors)));

  it('says which surfaces moved when a monitor goes, and again when it comes back', () => {
    expect(placement.setPresent(['M00', 'M01', 'M10'])).toEqual(['wall-3', 'wall-4']);
    expect(placement.monitorStatus().map((x) => [x.id, x.present])).toEqual([
      ['M00', true],
      ['M01', true],
      ['M10', true],
      ['M11', false],
    ]);
    expect(placement.setPresent(['M00', 'M01', 'M10'])).toEqual([]);
    expect(placement.setPresent(['M11', 'M10', 'M01', 'M00'])).toEqual(['wall-3', 'wall-4']);
    expect(placement.surfaces().every((s) => !s.consolidated)).toBe(true);
  });

  it('moves nothing when no monitor is listed at all', () => {
    expect(placement.setPresent([])).toEqual([]);
    expect(placement.monitorStatus().every((x) => x.present)).toBe(true);
  });
});
