// The demo wall: one surface per monitor, each with a grid of tiles, so that `npm start` shows the product.
import type { Monitor, Surface, SurfaceLayout } from '../contract/wall.js';

const OVERVIEW: SurfaceLayout = {
  columns: 12,
  rows: 8,
  tiles: [
    {
      id: 'live-biz',
      kind: 'kpi',
      x: 0,
      y: 0,
      w: 4,
      h: 3,
      settings: {
        topic: 'econ.live',
        key: 'new_businesses_today',
        label: 'kpi.newBusinessesToday',
        unit: 'unit.businesses',
      },
    },
    {
      id: 'gdp',
      kind: 'kpi',
      x: 4,
      y: 0,
      w: 4,
      h: 3,
      settings: {
        topic: 'econ.indicators',
        indicator: 'gdp_growth',
        aggregate: 'mean',
        label: 'kpi.gdpGrowth',
        unit: 'unit.percent',
      },
    },
    { id: 'clock', kind: 'clock', x: 8, y: 0, w: 4, h: 3, settings: { zones: ['Asia/Ho_Chi_Minh', 'UTC'] } },
    {
      id: 'disb',
      kind: 'kpi',
      x: 0,
      y: 3,
      w: 4,
      h: 3,
      settings: {
        topic: 'econ.indicators',
        indicator: 'disbursement',
        aggregate: 'mean',
        label: 'kpi.disbursement',
        unit: 'unit.percentOfPlan',
      },
    },
    { id: 'alerts', kind: 'alerts', x: 4, y: 3, w: 8, h: 5, settings: {} },
    { id: 'conn', kind: 'connection', x: 0, y: 6, w: 4, h: 2, settings: {} },
  ],
};

const ECONOMY: SurfaceLayout = {
  columns: 12,
  rows: 8,
  tiles: [
    {
      id: 'live-docs',
      kind: 'kpi',
      x: 0,
      y: 0,
      w: 4,
      h: 3,
      settings: {
        topic: 'econ.live',
        key: 'documents_processed_today',
        label: 'kpi.documentsToday',
        unit: 'unit.documents',
      },
    },
    {
      id: 'fdi',
      kind: 'kpi',
      x: 4,
      y: 0,
      w: 4,
      h: 3,
      settings: {
        topic: 'econ.indicators',
        indicator: 'fdi',
        aggregate: 'sum',
        label: 'kpi.fdi',
        unit: 'unit.millionUsd',
      },
    },
    {
      id: 'cpi',
      kind: 'kpi',
      x: 8,
      y: 0,
      w: 4,
      h: 3,
      settings: {
        topic: 'econ.indicators',
        indicator: 'cpi',
        aggregate: 'mean',
        label: 'kpi.cpi',
        unit: 'unit.percent',
      },
    },
    { id: 'tasks', kind: 'tasks', x: 0, y: 3, w: 8, h: 5, settings: {} },
    { id: 'clock', kind: 'clock', x: 8, y: 3, w: 4, h: 3, settings: { zones: ['Asia/Ho_Chi_Minh'] } },
    { id: 'conn', kind: 'connection', x: 8, y: 6, w: 4, h: 2, settings: {} },
  ],
};

const LAYOUTS = [OVERVIEW, ECONOMY];

export function surfaceIdFor(index: number): string {
  return `wall-${index + 1}`;
}

/** One surface per monitor, left to right then top to bottom, cycling through `layouts` (the demo's by default). */
export function defaultSurfaces(monitors: readonly Monitor[], layouts: readonly SurfaceLayout[] = LAYOUTS): Surface[] {
  const ordered = [...monitors].sort((a, b) => a.y - b.y || a.x - b.x);
  return ordered.map((m, i) => ({
    id: surfaceIdFor(i),
    monitorId: m.id,
    bounds: { x: m.x, y: m.y, width: m.width, height: m.height },
    layout: layouts[i % layouts.length] as SurfaceLayout,
  }));
}
