import { describe, expect, it } from 'vitest';
import { SurfaceLayout } from '../contract/wall.js';
import { DEMO_SURFACE_COUNT, defaultSurfaces, demoLayouts, virtualMonitors } from './default-wall.js';

const CHART_KINDS = ['timeseries', 'bars', 'gauge', 'stacked'];
const kindsOf = (layout: SurfaceLayout) => new Set(layout.tiles.map((t) => t.kind));

/** Cells covered by more than one tile, or outside the grid. */
function misplacedCells(layout: SurfaceLayout): string[] {
  const taken = new Set<string>();
  const bad: string[] = [];
  for (const t of layout.tiles) {
    for (let x = t.x; x < t.x + t.w; x++) {
      for (let y = t.y; y < t.y + t.h; y++) {
        const cell = `${t.id}@${x},${y}`;
        if (x >= layout.columns || y >= layout.rows || taken.has(`${x},${y}`)) bad.push(cell);
        taken.add(`${x},${y}`);
      }
    }
  }
  return bad;
}

describe('the demo wall', () => {
  it.each([1, 2, 3, 4, 5, 6])('on %i monitor(s) shows the map, a chart, KPIs and alerts, one surface each', (n) => {
    const surfaces = defaultSurfaces(virtualMonitors(n));
    expect(surfaces.map((s) => [s.id, s.monitorId])).toEqual(virtualMonitors(n).map((m, i) => [`wall-${i + 1}`, m.id]));
    for (const { layout } of surfaces) {
      expect(SurfaceLayout.parse(layout)).toEqual(layout);
      expect(misplacedCells(layout)).toEqual([]);
      expect(new Set(layout.tiles.map((t) => t.id)).size).toBe(layout.tiles.length);
    }
    const shown = new Set(surfaces.flatMap((s) => [...kindsOf(s.layout)]));
    expect([...shown]).toEqual(expect.arrayContaining(['map', 'kpi', 'alerts']));
    expect(CHART_KINDS.some((k) => shown.has(k))).toBe(true);
    // A room reads figures on the first monitor, and on every one while the demo has more surfaces than monitors.
    const withFigures = surfaces.filter((s) => kindsOf(s.layout).has('kpi')).map((s) => s.id);
    expect(withFigures).toEqual(
      expect.arrayContaining(n < DEMO_SURFACE_COUNT ? surfaces.map((s) => s.id) : ['wall-1']),
    );
  });

  it('packs everything that matters onto one monitor', () => {
    const [only] = defaultSurfaces(virtualMonitors(1));
    expect([...kindsOf(only!.layout)]).toEqual(expect.arrayContaining(['map', 'bars', 'kpi', 'alerts']));
  });

  it('on two monitors puts the map with the KPIs and the charts with the alerts', () => {
    const [first, second] = defaultSurfaces(virtualMonitors(2)).map((s) => kindsOf(s.layout));
    expect([...first!]).toEqual(expect.arrayContaining(['map', 'kpi']));
    expect([...second!]).toEqual(expect.arrayContaining(['timeseries', 'bars', 'alerts']));
  });

  it('shows all five demo surfaces from five monitors on, in order, then starts again', () => {
    const five = demoLayouts(DEMO_SURFACE_COUNT);
    expect(new Set(five).size).toBe(DEMO_SURFACE_COUNT);
    expect(defaultSurfaces(virtualMonitors(6)).map((s) => s.layout)).toEqual([...five, five[0]]);
    const everyKind = new Set(five.flatMap((l) => [...kindsOf(l)]));
    expect([...everyKind]).toEqual(expect.arrayContaining(['video', 'tasks', 'ticker', 'map', 'timeseries']));
  });

  it('takes the layouts it is given instead of the demo’s', () => {
    const one: SurfaceLayout = { columns: 1, rows: 1, tiles: [] };
    expect(defaultSurfaces(virtualMonitors(2), [one]).map((s) => s.layout)).toEqual([one, one]);
  });
});
