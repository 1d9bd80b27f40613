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

/** The map wall: GRDP growth of the 34 provinces, with FDI arcs from the largest investor economies. */
const MAP: SurfaceLayout = {
  columns: 12,
  rows: 8,
  tiles: [
    {
      id: 'map',
      kind: 'map',
      x: 0,
      y: 0,
      w: 9,
      h: 8,
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
    },
    {
      id: 'map-fdi',
      kind: 'kpi',
      x: 9,
      y: 0,
      w: 3,
      h: 3,
      settings: {
        topic: 'econ.indicators',
        indicator: 'fdi',
        aggregate: 'sum',
        label: 'kpi.fdi',
        unit: 'unit.millionUsd',
      },
    },
    { id: 'map-clock', kind: 'clock', x: 9, y: 3, w: 3, h: 3, settings: { zones: ['Asia/Ho_Chi_Minh'] } },
    { id: 'map-conn', kind: 'connection', x: 9, y: 6, w: 3, h: 2, settings: {} },
  ],
};

/** Charts: live counters over time, provinces compared, disbursement against plan, tasks by unit, KPIs. */
const CHARTS: SurfaceLayout = {
  columns: 12,
  rows: 8,
  tiles: [
    {
      id: 'ts-biz',
      kind: 'timeseries',
      x: 0,
      y: 0,
      w: 6,
      h: 4,
      settings: { topic: 'econ.live', key: 'new_businesses_today', windowMinutes: 60, fractionDigits: 0 },
    },
    {
      id: 'bars-fdi',
      kind: 'bars',
      x: 6,
      y: 0,
      w: 6,
      h: 4,
      settings: { indicator: 'fdi', top: 10, order: 'desc' },
    },
    {
      id: 'gauge-disb',
      kind: 'gauge',
      x: 0,
      y: 4,
      w: 3,
      h: 4,
      settings: { indicator: 'disbursement', target: 95, max: 100 },
    },
    {
      id: 'kpi-grdp',
      kind: 'kpi',
      x: 3,
      y: 4,
      w: 3,
      h: 4,
      settings: { indicator: 'gdp_growth', aggregate: 'mean', target: 8, fractionDigits: 2 },
    },
    { id: 'stacked-tasks', kind: 'stacked', x: 6, y: 4, w: 6, h: 4, settings: { top: 6 } },
  ],
};

/**
 * Media and notices: a video tile on the clip shipped in assets/demo-media (no camera needed), tickers of the
 * latest alerts and of fixed news, the day's agenda as text, and an image (a drawing of a video wall, inline).
 */
const MEDIA: SurfaceLayout = {
  columns: 12,
  rows: 8,
  tiles: [
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
  ],
};

const LAYOUTS = [OVERVIEW, ECONOMY, MAP, CHARTS, MEDIA];

/** How many surfaces the demo wall has: a wall with fewer monitors shows the first ones. */
export const DEMO_SURFACE_COUNT = LAYOUTS.length;

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
