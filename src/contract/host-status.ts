// GET /api/status of the host: what the console shows and what operators' scripts and tests read.
import { z } from 'zod';
import { Monitor, Rect, WindowState } from './wall.js';

export const ShellKind = z.enum(['electron', 'browser', 'headless']);
export type ShellKind = z.infer<typeof ShellKind>;

export const FeedState = z.enum(['connecting', 'connected', 'reconnecting', 'offline']);
export type FeedState = z.infer<typeof FeedState>;

export const TopicFeedStatus = z.object({
  /** Last offset the host holds. */
  offset: z.number().int().nonnegative(),
  /** Head of the hub's log when last heard; lag = head - offset. */
  head: z.number().int().nonnegative(),
  lag: z.number().int().nonnegative(),
  /** Source time of the newest event held, epoch ms (null: none yet). */
  lastEventTime: z.number().nullable(),
});
export type TopicFeedStatus = z.infer<typeof TopicFeedStatus>;

/** A long replay (first start, hours offline): how far it is, so no screen looks frozen meanwhile. */
export const CatchUp = z.object({
  replayed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Seconds left at the current pace; null until there is a pace. */
  etaS: z.number().nonnegative().nullable(),
});
export type CatchUp = z.infer<typeof CatchUp>;

export const FeedStatus = z.object({
  hub: z.string(),
  state: FeedState,
  since: z.number(),
  lastError: z.string().nullable(),
  topics: z.record(z.string(), TopicFeedStatus),
  catchUp: CatchUp.nullable(),
});
export type FeedStatus = z.infer<typeof FeedStatus>;

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
  monitorId: z.string(),
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
  event: z.enum(['crashed', 'restarted', 'restarted-by-watchdog']),
  detail: z.string().max(400),
});
export type WindowEvent = z.infer<typeof WindowEvent>;

export const HostStatus = z.object({
  app: z.literal('ioc-wall'),
  role: z.literal('host'),
  version: z.string(),
  startedAt: z.number(),
  shell: z.object({ kind: ShellKind, reason: z.string() }),
  locale: z.enum(['vi', 'en']),
  monitors: z.array(Monitor),
  monitorSource: z.enum(['electron', 'xrandr', 'wall-file', 'default']),
  surfaces: z.array(SurfaceStatus),
  windowEvents: z.array(WindowEvent),
  bridge: z.object({ url: z.string(), clients: z.number().int().nonnegative(), rejected: z.number().int() }),
  feed: FeedStatus,
  cache: z.object({ kind: z.enum(['memory', 'sqlite']), keys: z.number().int().nonnegative() }),
  outbox: z.object({ depth: z.number().int().nonnegative() }),
});
export type HostStatus = z.infer<typeof HostStatus>;
