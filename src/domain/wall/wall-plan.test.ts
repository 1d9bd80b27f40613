import { describe, expect, it } from 'vitest';
import type { SurfaceLayout } from '../../contract/wall.js';
import { defaultSurfaces } from '../default-wall.js';
import { gridMonitors } from '../../../test/support/grid-monitors.js';
import { placeSurfaces, planWall, wallPlanIssues } from './wall-plan.js';

const monitors = gridMonitors(2, 2, { bezel: 6, bezelY: 4, pitch: 0.25 });
const base = defaultSurfaces(monitors);
const ids = monitors.map((m) => m.id);
const pattern: SurfaceLayout = {
  columns: 1,
  rows: 1,
  tiles: [{ id: 'p', kind: 'test-pattern', x: 0, y: 0, w: 1, h: 1, settings: {} }],
};

describe('wall plan', () => {
  it('without spanning surfaces is the one-surface-per-monitor wall, at home', () => {
    const placed = placeSurfaces(planWall(monitors, base), ids)!;
    expect(placed.map((s) => [s.id, s.monitorId, s.bounds, s.layout])).toEqual(
      base.map((s) => [s.id, s.monitorId, s.bounds, s.layout]),
    );
    expect(placed.every((s) => s.consolidated === false && s.canvas === undefined)).toBe(true);
  });

  it('gives a spanning surface one window over its monitors and a canvas with the bezels', () => {
    const plan = planWall(monitors, base, { surfaces: [{ id: 'span', monitors: ids, layout: pattern }] });
    const [span] = placeSurfaces(plan, ids)!;
    expect(span).toMatchObject({
      id: 'span',
      monitorId: 'M00',
      bounds: { x: 0, y: 0, width: 3840, height: 2160 },
      homeMonitorIds: ids,
      monitorIds: ids,
      consolidated: false,
      canvas: { width: 3888, height: 2192, bezelCompensation: true },
    });
  });

  it('keeps the other monitors’ own surfaces beside a spanning one, and moves them when their monitor goes', () => {
    const plan = planWall(monitors, base, { surfaces: [{ id: 'top', monitors: ['M01', 'M00'] }] });
    expect(plan.surfaces.map((s) => [s.id, s.monitorIds])).toEqual([
      ['top', ['M00', 'M01']],
      ['wall-3', ['M10']],
      ['wall-4', ['M11']],
    ]);
    expect(plan.surfaces[0]!.layout).toBe(base[0]!.layout);
    const placed = placeSurfaces(plan, ['M00', 'M01', 'M10'])!;
    expect(placed.map((s) => [s.id, s.monitorId, s.consolidated, s.canvas !== undefined])).toEqual([
      ['top', 'M00', false, true],
      ['wall-3', 'M10', true, false],
      ['wall-4', 'M10', true, false],
    ]);
  });

  it('names the bad field of a wall whose surfaces do not fit its monitors', () => {
    const issues = wallPlanIssues(monitors, base, {
      surfaces: [
        { id: 'a', monitors: ['M00', 'M11'] },
        { id: 'wall-2', monitors: ['M01', 'M00', 'nope'] },
      ],
    });
    expect(issues).toEqual([
      { path: ['surfaces', 0, 'monitors'], message: expect.stringMatching(/full rectangle/) },
      { path: ['surfaces', 1, 'monitors', 1], message: 'monitor "M00" is already in surface "a"' },
      { path: ['surfaces', 1, 'monitors', 2], message: 'no monitor "nope" in monitors' },
    ]);
    const own = wallPlanIssues(monitors, base, { surfaces: [{ id: 'wall-4', monitors: ['M00'] }] });
    expect(own).toEqual([{ path: ['surfaces', 0, 'id'], message: expect.stringMatching(/own surface/) }]);
  });

  it('asks for a pixel pitch where bezels are to be compensated', () => {
    const noPitch = gridMonitors(1, 2, { bezel: 5 });
    expect(wallPlanIssues(noPitch, defaultSurfaces(noPitch), {})).toEqual([
      { path: ['monitors', 0, 'pixelPitchMm'], message: expect.stringMatching(/needed/) },
      { path: ['monitors', 1, 'pixelPitchMm'], message: expect.stringMatching(/needed/) },
    ]);
    expect(wallPlanIssues(noPitch, defaultSurfaces(noPitch), { bezelCompensation: false })).toEqual([]);
  });
});
