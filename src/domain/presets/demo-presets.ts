// The demo hub's presets: a morning briefing, an emergency response and a task follow-up, for walls of up to
// four surfaces (wall-1 … wall-4). Tile ids carry the preset's prefix, so a switch is visible to scripts too.
import type { SurfaceLayout, Tile } from '../../contract/wall.js';
import { type PresetPayload, WALL_STATE_KEY, type WallStatePayload } from './preset-schema.js';
import { emptyWallState } from './wall-state.js';

const kpiLive = (id: string, key: string, x: number, y: number, w = 4, h = 3): Tile => ({
  id,
  kind: 'kpi',
  x,
  y,
  w,
  h,
  settings: { topic: 'econ.live', key },
});
const kpiIndicator = (id: string, indicator: string, aggregate: 'mean' | 'sum', x: number, y: number): Tile => ({
  id,
  kind: 'kpi',
  x,
  y,
  w: 4,
  h: 3,
  settings: { topic: 'econ.indicators', indicator, aggregate },
});
const tile = (id: string, kind: string, x: number, y: number, w: number, h: number, settings = {}): Tile => ({
  id,
  kind,
  x,
  y,
  w,
  h,
  settings,
});
const grid = (tiles: Tile[]): SurfaceLayout => ({ columns: 12, rows: 8, tiles });

const BRIEFING: Record<string, SurfaceLayout> = {
  'wall-1': grid([
    kpiIndicator('brief-gdp', 'gdp_growth', 'mean', 0, 0),
    kpiIndicator('brief-cpi', 'cpi', 'mean', 4, 0),
    kpiIndicator('brief-fdi', 'fdi', 'sum', 8, 0),
    kpiIndicator('brief-disb', 'disbursement', 'mean', 0, 3),
    kpiIndicator('brief-newbiz', 'new_businesses', 'sum', 4, 3),
    tile('brief-clock', 'clock', 8, 3, 4, 3, { zones: ['Asia/Ho_Chi_Minh'] }),
    tile('brief-conn', 'connection', 0, 6, 12, 2),
  ]),
  'wall-2': grid([tile('brief-tasks', 'tasks', 0, 0, 12, 8, { limit: 10 })]),
  'wall-3': grid([
    kpiLive('brief-live-biz', 'new_businesses_today', 0, 0),
    kpiLive('brief-live-services', 'public_services_today', 4, 0),
    kpiLive('brief-live-docs', 'documents_processed_today', 8, 0),
    tile('brief-alerts', 'alerts', 0, 3, 12, 5, { limit: 5 }),
  ]),
  'wall-4': grid([tile('brief-clock-4', 'clock', 0, 0, 12, 8, { zones: ['Asia/Ho_Chi_Minh', 'UTC'] })]),
};

const EMERGENCY: Record<string, SurfaceLayout> = {
  'wall-1': grid([
    tile('emerg-alerts', 'alerts', 0, 0, 8, 8, { limit: 12, includeAcknowledged: true }),
    tile('emerg-clock', 'clock', 8, 0, 4, 3, { zones: ['Asia/Ho_Chi_Minh'] }),
    tile('emerg-conn', 'connection', 8, 3, 4, 5),
  ]),
  'wall-2': grid([tile('emerg-alerts-active', 'alerts', 0, 0, 12, 8, { limit: 20 })]),
  'wall-3': grid([
    tile('emerg-tasks', 'tasks', 0, 0, 8, 8, { limit: 8 }),
    kpiLive('emerg-live-services', 'public_services_today', 8, 0, 4, 4),
    tile('emerg-clock-3', 'clock', 8, 4, 4, 4, { zones: ['Asia/Ho_Chi_Minh', 'UTC'] }),
  ]),
  'wall-4': grid([tile('emerg-conn-4', 'connection', 0, 0, 12, 8)]),
};

const FOLLOW_UP: Record<string, SurfaceLayout> = {
  'wall-1': grid([
    tile('follow-tasks', 'tasks', 0, 0, 8, 8, { limit: 12 }),
    kpiLive('follow-live-docs', 'documents_processed_today', 8, 0, 4, 3),
    tile('follow-clock', 'clock', 8, 3, 4, 3, { zones: ['Asia/Ho_Chi_Minh'] }),
    tile('follow-conn', 'connection', 8, 6, 4, 2),
  ]),
  'wall-2': grid([
    kpiIndicator('follow-disb', 'disbursement', 'mean', 0, 0),
    kpiLive('follow-live-services', 'public_services_today', 4, 0),
    tile('follow-alerts', 'alerts', 0, 3, 12, 5, { limit: 6 }),
  ]),
};

export const DEMO_PRESETS: ReadonlyArray<{ id: string; name: string; layouts: Record<string, SurfaceLayout> }> = [
  { id: 'giao-ban-sang', name: 'Giao ban sáng', layouts: BRIEFING },
  { id: 'ung-pho-khan-cap', name: 'Ứng phó khẩn cấp', layouts: EMERGENCY },
  { id: 'theo-doi-nhiem-vu', name: 'Theo dõi nhiệm vụ', layouts: FOLLOW_UP },
];

/** Version 1 of each demo preset. */
export function demoPresets(at: number): PresetPayload[] {
  return DEMO_PRESETS.map((p) => ({ ...p, version: 1, updatedAt: at, updatedBy: 'demo', undoTo: null }));
}

/**
 * The demo wall's state: no schedule and no override, so the wall shows its default layouts until an operator
 * activates a preset or sets a schedule (a demo schedule would change what the wall shows by time of day).
 */
export function demoWallState(at: number): WallStatePayload {
  return emptyWallState(at, 'demo');
}

/** The demo hub's first events of `wall.presets` and `wall.state`. */
export function demoPresetEvents(at: number): Array<{
  topic: 'wall.presets' | 'wall.state';
  key: string;
  source: string;
  time: number;
  payload: PresetPayload | WallStatePayload;
}> {
  return [
    ...demoPresets(at).map((p) => ({
      topic: 'wall.presets' as const,
      key: p.id,
      source: 'demo',
      time: at,
      payload: p,
    })),
    { topic: 'wall.state' as const, key: WALL_STATE_KEY, source: 'demo', time: at, payload: demoWallState(at) },
  ];
}
