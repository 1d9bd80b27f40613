// The demo wall: one surface per monitor, each with a grid of tiles, so that `npm start` shows the product. Five
// monitors show the five surfaces; fewer show the map, a chart, KPIs and alerts first, packed denser.
import type { Monitor, Surface, SurfaceLayout, Tile } from '../contract/wall.js';

type TileContent = Omit<Tile, 'x' | 'y' | 'w' | 'h'>;

function at(tile: TileContent, x: number, y: number, w: number, h: number): Tile {
  return { ...tile, x, y, w, h };
}

/** Every demo surface is a grid of 12 × 8 cells. */
function onGrid(...tiles: Tile[]): SurfaceLayout {
  return { columns: 12, rows: 8, tiles };
}

const LIVE_BIZ: TileContent = {
  id: 'live-biz',
  kind: 'kpi',
  settings: {
    topic: 'econ.live',
    key: 'new_businesses_today',
    label: 'kpi.newBusinessesToday',
    unit: 'unit.businesses',
  },
};
const LIVE_DOCS: TileContent = {
  id: 'live-docs',
  kind: 'kpi',
  settings: {
    topic: 'econ.live',
    key: 'documents_processed_today',
    label: 'kpi.documentsToday',
    unit: 'unit.documents',
  },
};
const GDP: TileContent = {
  id: 'gdp',
  kind: 'kpi',
  settings: {
    topic: 'econ.indicators',
    indicator: 'gdp_growth',
    aggregate: 'mean',
    label: 'kpi.gdpGrowth',
    unit: 'unit.percent',
  },
};
const DISBURSEMENT: TileContent = {
  id: 'disb',
  kind: 'kpi',
  settings: {
    topic: 'econ.indicators',
    indicator: 'disbursement',
    aggregate: 'mean',
    label: 'kpi.disbursement',
    unit: 'unit.percentOfPlan',
  },
};
const FDI: TileContent = {
  id: 'fdi',
  kind: 'kpi',
  settings: {
    topic: 'econ.indicators',
    indicator: 'fdi',
    aggregate: 'sum',
    label: 'kpi.fdi',
    unit: 'unit.millionUsd',
  },
};
const ALERTS: TileContent = { id: 'alerts', kind: 'alerts', settings: {} };
const CONNECTION: TileContent = { id: 'conn', kind: 'connection', settings: {} };
const CLOCK: TileContent = { id: 'clock', kind: 'clock', settings: { zones: ['Asia/Ho_Chi_Minh'] } };
const LIVE_BIZ_CHART: TileContent = {
  id: 'ts-biz',
  kind: 'timeseries',
  settings: { topic: 'econ.live', key: 'new_businesses_today', windowMinutes: 60, fractionDigits: 0 },
};
const FDI_BARS: TileContent = { id: 'bars-fdi', kind: 'bars', settings: { indicator: 'fdi', top: 10, order: 'desc' } };
/** GRDP growth of the 34 provinces, with FDI arcs from the largest investor economies. */
const MAP_TILE: TileContent = {
  id: 'map',
  kind: 'map',
  settings: {
    indicator: 'gdp_growth',
    arcs: [
      { from: { lon: 126.98, lat: 37.57, name: 'Hàn Quốc' }, to: '24', value: 2400 },
      { from: { lon: 139.69, lat: 35.69, name: 'Nhật Bản' }, to: '31', value: 1300 },
      { from: { lon: 103.82, lat: 1.35, name: 'Singapore' }, to: '79', value: 3100 },
      { from: { lon: 121.56, lat: 25.03, name: 'Đài Loan (Trung Quốc)' }, to: '75', value: 900 },
      { from: { lon: 114.17, lat: 22.32, name: 'Hồng Kông (Trung Quốc)' }, to: '01', value: 1100 },
    ],
    points: [
      { lon: 105.84, lat: 21.03, kind: 'camera', label: 'Camera Hồ Hoàn Kiếm' },
      { lon: 106.7, lat: 10.78, kind: 'camera', label: 'Camera Bến Thành' },
      { lon: 108.22, lat: 16.07, kind: 'camera', label: 'Camera cầu Rồng' },
    ],
  },
};

const OVERVIEW = onGrid(
  at(LIVE_BIZ, 0, 0, 4, 3),
  at(GDP, 4, 0, 4, 3),
  at({ ...CLOCK, settings: { zones: ['Asia/Ho_Chi_Minh', 'UTC'] } }, 8, 0, 4, 3),
  at(DISBURSEMENT, 0, 3, 4, 3),
  at(ALERTS, 4, 3, 8, 5),
  at(CONNECTION, 0, 6, 4, 2),
);

const ECONOMY = onGrid(
  at(LIVE_DOCS, 0, 0, 4, 3),
  at(FDI, 4, 0, 4, 3),
  at(
    {
      id: 'cpi',
      kind: 'kpi',
      settings: {
        topic: 'econ.indicators',
        indicator: 'cpi',
        aggregate: 'mean',
        label: 'kpi.cpi',
        unit: 'unit.percent',
      },
    },
    8,
    0,
    4,
    3,
  ),
  at({ id: 'tasks', kind: 'tasks', settings: {} }, 0, 3, 8, 5),
  at(CLOCK, 8, 3, 4, 3),
  at(CONNECTION, 8, 6, 4, 2),
);

/** The map wall: the map beside the FDI it draws as arcs. */
const MAP = onGrid(
  at(MAP_TILE, 0, 0, 9, 8),
  at({ ...FDI, id: 'map-fdi' }, 9, 0, 3, 3),
  at({ ...CLOCK, id: 'map-clock' }, 9, 3, 3, 3),
  at({ ...CONNECTION, id: 'map-conn' }, 9, 6, 3, 2),
);

/** Charts: live counters over time, provinces compared, disbursement against plan, tasks by unit, KPIs. */
const CHARTS = onGrid(
  at(LIVE_BIZ_CHART, 0, 0, 6, 4),
  at(FDI_BARS, 6, 0, 6, 4),
  at({ id: 'gauge-disb', kind: 'gauge', settings: { indicator: 'disbursement', target: 95, max: 100 } }, 0, 4, 3, 4),
  at(
    {
      id: 'kpi-grdp',
      kind: 'kpi',
      settings: { indicator: 'gdp_growth', aggregate: 'mean', target: 8, fractionDigits: 2 },
    },
    3,
    4,
    3,
    4,
  ),
  at({ id: 'stacked-tasks', kind: 'stacked', settings: { top: 6 } }, 6, 4, 6, 4),
);

/** Two monitors, the first: the map, and the KPIs a room reads first beside it (a KPI needs 3 rows of 8). */
const MAP_AND_KPIS = onGrid(
  at(MAP_TILE, 0, 0, 8, 8),
  at(LIVE_BIZ, 8, 0, 4, 3),
  at(GDP, 8, 3, 4, 3),
  at(CLOCK, 8, 6, 4, 2),
);

/** Two monitors, the second: the charts over the alerts and a live count. */
const CHARTS_AND_ALERTS = onGrid(
  at(LIVE_BIZ_CHART, 0, 0, 6, 4),
  at(FDI_BARS, 6, 0, 6, 4),
  at(ALERTS, 0, 4, 8, 4),
  at(LIVE_DOCS, 8, 4, 4, 4),
);

/** One monitor: the map, two KPIs, the provinces compared and the alerts on one dense surface. */
const DENSE = onGrid(
  at(MAP_TILE, 0, 0, 4, 8),
  at(LIVE_BIZ, 4, 0, 4, 3),
  at(GDP, 8, 0, 4, 3),
  at(FDI_BARS, 4, 3, 4, 5),
  at(ALERTS, 8, 3, 4, 5),
);

/**
 * Media and notices: a video tile on the clip shipped in assets/demo-media (no camera needed), tickers of the
 * latest alerts and of fixed news, the day's agenda as text, and an image (a drawing of a video wall, inline).
 */
const MEDIA = onGrid(
  { id: 'ticker-alerts', kind: 'ticker', x: 0, y: 0, w: 12, h: 1, settings: { source: 'alerts' } },
  {
    id: 'video-demo',
    kind: 'video',
    x: 0,
    y: 1,
    w: 8,
    h: 6,
    settings: { name: 'Video mẫu (tệp cài sẵn)', source: 'file', url: 'bundled:demo-clip' },
  },
  {
    id: 'agenda',
    kind: 'text',
    x: 8,
    y: 1,
    w: 4,
    h: 4,
    settings: {
      title: 'Lịch làm việc hôm nay',
      paragraphs: [
        '08:00 Giao ban trực tuyến với 34 tỉnh, thành phố',
        '14:00 Họp Ban Chỉ đạo phòng, chống thiên tai',
        '16:30 Báo cáo nhanh tình hình giải ngân vốn đầu tư công',
      ],
      size: 'normal',
    },
  },
  {
    id: 'wall-image',
    kind: 'image',
    x: 8,
    y: 5,
    w: 4,
    h: 2,
    settings: {
      title: 'Sơ đồ tường màn hình',
      alt: 'Sơ đồ tường màn hình 3×2',
      url: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 160 90'%3E%3Crect width='160' height='90' rx='8' fill='%230c2a44'/%3E%3Cg fill='%2362d0ff'%3E%3Crect x='20' y='15' width='36' height='26'/%3E%3Crect x='62' y='15' width='36' height='26'/%3E%3Crect x='104' y='15' width='36' height='26'/%3E%3Crect x='20' y='47' width='36' height='26'/%3E%3Crect x='62' y='47' width='36' height='26' fill='%23ffb627'/%3E%3Crect x='104' y='47' width='36' height='26'/%3E%3C/g%3E%3C/svg%3E",
    },
  },
  {
    id: 'ticker-news',
    kind: 'ticker',
    x: 0,
    y: 7,
    w: 12,
    h: 1,
    settings: {
      source: 'static',
      items: [
        'Trung tâm điều hành tích hợp trực 24/7',
        'Số liệu kinh tế – xã hội cập nhật theo kỳ công bố của từng cơ quan nguồn',
        'Mọi cảnh báo khẩn cấp cần được xác nhận trong 15 phút',
      ],
    },
  },
);

const LAYOUTS = [OVERVIEW, ECONOMY, MAP, CHARTS, MEDIA];

/** How many surfaces the demo wall has: a wall with fewer monitors shows its best parts on what there is. */
export const DEMO_SURFACE_COUNT = LAYOUTS.length;

/** The demo's layouts for `count` monitors: the map, a chart, KPIs and alerts come first; from five on, all five. */
export function demoLayouts(count: number): readonly SurfaceLayout[] {
  if (count <= 1) return [DENSE];
  if (count === 2) return [MAP_AND_KPIS, CHARTS_AND_ALERTS];
  if (count === 3) return [OVERVIEW, MAP, CHARTS];
  if (count === 4) return [OVERVIEW, ECONOMY, MAP, CHARTS];
  return LAYOUTS;
}

/**
 * A row of `count` full-HD monitors that exist only on paper: the surfaces of a host without a display (every
 * demo surface served, so one browser can show the whole product), and of tests of the demo wall.
 */
export function virtualMonitors(count: number = DEMO_SURFACE_COUNT): Monitor[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `virtual-${i + 1}`,
    name: `Màn hình ${i + 1}`,
    x: i * 1920,
    y: 0,
    width: 1920,
    height: 1080,
    primary: i === 0,
  }));
}

function surfaceIdFor(index: number): string {
  return `wall-${index + 1}`;
}

/** One surface per monitor, left to right then top to bottom, cycling through `layouts` (the demo's by default). */
export function defaultSurfaces(
  monitors: readonly Monitor[],
  layouts: readonly SurfaceLayout[] = demoLayouts(monitors.length),
): Surface[] {
  const ordered = [...monitors].sort((a, b) => a.y - b.y || a.x - b.x);
  return ordered.map((m, i) => ({
    id: surfaceIdFor(i),
    monitorId: m.id,
    bounds: { x: m.x, y: m.y, width: m.width, height: m.height },
    layout: layouts[i % layouts.length] as SurfaceLayout,
  }));
}
