// GET /api/status of the host: what the console shows and what operators' scripts and tests read.
import { z } from 'zod';
import { ConnectorStatusRow } from './connector-status.js';
import { HubView } from './hub-cluster.js';
import { Monitor, Rect, WindowState } from './wall.js';
import { Alarm } from '../domain/alarms/alarm-schema.js';

export const ShellKind = z.enum(['electron', 'browser', 'headless']);
export type ShellKind = z.infer<typeof ShellKind>;

export const FeedState = z.enum(['connecting', 'connected', 'reconnecting', 'offline']);
export type FeedState = z.infer<typeof FeedState>;

const TopicFeedStatus = z.object({
  /** Last offset the host holds. */
  offset: z.number().int().nonnegative(),
  /** Head of the hub's log when last heard; lag = head - offset. */
  head: z.number().int().nonnegative(),
  lag: z.number().int().nonnegative(),
  /** Source time of the newest event held, epoch ms (null: none yet). */
  lastEventTime: z.number().nullable(),
});

/** A long replay (first start, hours offline): how far it is, so no screen looks frozen meanwhile. */
const CatchUp = z.object({
  replayed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Seconds left at the current pace; null until there is a pace. */
  etaS: z.number().nonnegative().nullable(),
});

/**
 * Why a host left the hub it was on: the link closed, the hub went silent (no events, no answer to a probe), the hub
 * refused this host at its handshake, or the hub could not be reached at all.
 */
export const HubMoveReason = z.enum(['disconnected', 'stalled', 'refused', 'error']);
export type HubMoveReason = z.infer<typeof HubMoveReason>;

export const HubMove = z.object({
  from: z.string(),
  to: z.string(),
  at: z.number(),
  reason: HubMoveReason,
  detail: z.string(),
});
export type HubMove = z.infer<typeof HubMove>;

/** A host given several hubs (`--hub URL1,URL2,…`): the one it is on (null: none now), since when, its last move. */
export const HubFailoverStatus = z.object({
  hubs: z.array(z.string()).min(1),
  current: z.string().nullable(),
  since: z.number().nullable(),
  lastMove: HubMove.nullable(),
});
export type HubFailoverStatus = z.infer<typeof HubFailoverStatus>;

export const FeedStatus = z.object({
  hub: z.string(),
  state: FeedState,
  since: z.number(),
  lastError: z.string().nullable(),
  topics: z.record(z.string(), TopicFeedStatus),
  catchUp: CatchUp.nullable(),
  /** The hub said it makes demo data (known once subscribed): pages carry the demo mark. */
  demo: z.boolean(),
  failover: HubFailoverStatus,
});
export type FeedStatus = z.infer<typeof FeedStatus>;

/** The cache's integrity check, run after the first snapshot is served: pending until it has run. */
export const CacheIntegrityState = z.object({
  state: z.enum(['pending', 'ok', 'failed']),
  /** What the check found wrong (failed only). */
  detail: z.string().nullable(),
});
export type CacheIntegrityState = z.infer<typeof CacheIntegrityState>;

export const SurfaceHeartbeat = z.object({
  at: z.number(),
  /** Text of the surface's first live figure, as painted: lets a script tell that the wall moves. */
  sample: z.string().max(200),
  fps: z.number().nonnegative(),
  tiles: z.number().int().nonnegative(),
  tileErrors: z.number().int().nonnegative(),
});
export type SurfaceHeartbeat = z.infer<typeof SurfaceHeartbeat>;

export const SurfaceStatus = z.object({
  id: z.string(),
  /** Monitor it is shown on now; `homeMonitorId` is its own (they differ while it is consolidated). */
  monitorId: z.string(),
  homeMonitorId: z.string(),
  /** All monitors it covers now / its own ones (several for a spanning surface). */
  monitorIds: z.array(z.string()),
  homeMonitorIds: z.array(z.string()),
  /** Moved, shrunk or sharing a monitor because one is missing (docs/wall-model.md). */
  consolidated: z.boolean(),
  bounds: Rect,
  /** Page address without the token. */
  path: z.string(),
  window: z.object({
    state: WindowState,
    pid: z.number().int().nullable(),
    restarts: z.number().int().nonnegative(),
    /** When the window entered its state, epoch ms (0: never). */
    since: z.number(),
  }),
  heartbeat: SurfaceHeartbeat.nullable(),
});
export type SurfaceStatus = z.infer<typeof SurfaceStatus>;

/** Something that happened to a wall window: what the watchdog and the shells did, for the console. */
export const WindowEvent = z.object({
  at: z.number(),
  surfaceId: z.string(),
  /** `moved`: opened again elsewhere because monitors came or went (consolidation). */
  event: z.enum(['crashed', 'restarted', 'restarted-by-watchdog', 'moved']),
  detail: z.string().max(400),
});
export type WindowEvent = z.infer<typeof WindowEvent>;

/** Which preset the wall shows and why: for the console, and scripts reading /api/status. */
export const WallPresetStatus = z.object({
  /** null: no preset, every surface shows its default layout. */
  activePresetId: z.string().nullable(),
  name: z.string().nullable(),
  version: z.number().int().positive().nullable(),
  /** Chosen by an operator (wall.activate) rather than the schedule; holds until reverted. */
  override: z.boolean(),
  source: z.enum(['override', 'schedule', 'fallback', 'none']),
  /** When the schedule shows another preset next (null: never within a week), even while overridden. */
  nextChange: z.object({ at: z.number(), presetId: z.string().nullable() }).nullable(),
  /** Presets known (not deleted). */
  presets: z.number().int().nonnegative(),
  /** When the wall's layouts last changed. */
  appliedAt: z.number().nullable(),
});
export type WallPresetStatus = z.infer<typeof WallPresetStatus>;

export const HostStatus = z.object({
  app: z.literal('ioc-wall'),
  role: z.literal('host'),
  version: z.string(),
  startedAt: z.number(),
  shell: z.object({ kind: ShellKind, reason: z.string() }),
  locale: z.enum(['vi', 'en']),
  /** Every monitor of the wall; `present: false` while it is off or unplugged. */
  monitors: z.array(Monitor.extend({ present: z.boolean().default(true) })),
  monitorSource: z.enum(['electron', 'xrandr', 'wall-file', 'default']),
  surfaces: z.array(SurfaceStatus),
  windowEvents: z.array(WindowEvent),
  bridge: z.object({ url: z.string(), clients: z.number().int().nonnegative(), rejected: z.number().int() }),
  feed: FeedStatus,
  cache: z.object({
    kind: z.enum(['memory', 'sqlite']),
    keys: z.number().int().nonnegative(),
    integrity: CacheIntegrityState.default({ state: 'pending', detail: null }),
  }),
  outbox: z.object({ depth: z.number().int().nonnegative() }),
  presets: WallPresetStatus,
  /**
   * The hub's connectors, as its /api/status gives them: the embedded hub's, or with remote hubs the producing one's
   * (else the one the host is on) as last polled; null while no hub has answered.
   */
  connectors: z.array(ConnectorStatusRow).nullable().default(null),
  /** Every hub of `--hub` as last polled (or, embedded, read directly), in the order given. */
  hubs: z.array(HubView).default([]),
  /** The host's own alarms active now (e.g. the hub unreachable for too long). */
  alarms: z.array(Alarm).default([]),
});
export type HostStatus = z.infer<typeof HostStatus>;
