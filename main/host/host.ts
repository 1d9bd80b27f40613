// The host: all state and I/O of IOC Wall. Composes the hub (embedded or remote), the feed client, the store,
// the HTTP server with the bridge, and the shell that draws the windows.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { HostStatus, ShellKind } from '../../src/contract/host-status.js';
import type { Monitor, SurfaceLayout } from '../../src/contract/wall.js';
import { defaultSurfaces } from '../../src/domain/default-wall.js';
import { planWall, type WallSpec } from '../../src/domain/wall/wall-plan.js';
import type { RunningHub } from '../../hub/hub-server.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { dryRunFromCache, performanceFromCache } from './alarm-figures.js';
import { APP_VERSION, RENDERER_DIR } from './app-paths.js';
import { readDeviceCredential } from './device-credential-file.js';
import { type DemoLogin, startEmbeddedHub } from './embedded-hub.js';
import { BridgeServer } from './bridge-server.js';
import { type BridgeHandlers, LoginRequired } from './bridge-handlers.js';
import { FeedClient } from './feed-client.js';
import { FeedBroadcast } from './feed-broadcast.js';
import { Outbox } from './cache/outbox.js';
import { createHttpServer } from './http/http-server.js';
import { LaunchCodes } from './http/launch-codes.js';
import { FeedCache } from './cache/feed-cache.js';
import { openCache } from './cache/open-cache.js';
import type { StartOptions } from './start-options.js';
import { SurfaceRegistry } from './surface-registry.js';
import { WallPlacement } from './displays/wall-placement.js';
import { PresetApplier } from './presets/preset-applier.js';
import { PersonSessions } from './person-sessions.js';

const CACHE_RETAIN_MS = 7 * 86_400_000;

export type MonitorSource = HostStatus['monitorSource'];

export interface HostConfig {
  options: StartOptions;
  shell: { kind: ShellKind; reason: string };
  monitors: Monitor[];
  monitorSource: MonitorSource;
  /** Layouts of the surfaces, cycled over the monitors; default: the demo wall. */
  layouts?: SurfaceLayout[];
  /** Spanning surfaces and bezel compensation (a wall file's); default: one surface per monitor. */
  wall?: WallSpec;
  logger?: Logger;
}

export interface RunningHost {
  readonly origin: string;
  /** The console's bridge token: may log a person in and act; also what the full /api/status needs. */
  readonly token: string;
  /** The wall windows' bridge token: read-only. */
  readonly wallToken: string;
  readonly surfaces: SurfaceRegistry;
  readonly hub: RunningHub | undefined;
  /** The embedded demo hub's demo person (its password only on the start that created it). */
  readonly demoLogin: DemoLogin | undefined;
  /** The page at `path` with the token it needs (`/wall/…`: the wall's; the console and briefing: the console's). */
  urlFor(path: string): string;
  /** The same page with a one-time code instead of the token: for a window's command line, which others can read. */
  launchUrlFor(path: string): string;
  status(): HostStatus;
  /** The wall's monitors present now: surfaces are consolidated or return home; returns the ids that moved. */
  setPresentMonitors(ids: readonly string[]): string[];
  close(): Promise<void>;
}

export async function startHost(config: HostConfig): Promise<RunningHost> {
  const { options } = config;
  const logger = config.logger ?? createLogger('host');
  // The cache, the hub's log and the windows' profiles are the centre's data: this user's alone.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(options.dataDir, 0o700);
  const startedAt = Date.now();
  const token = randomBytes(24).toString('base64url');
  const wallToken = randomBytes(24).toString('base64url');
  const tokenFor = (path: string): string => (path.startsWith('/wall/') ? wallToken : token);

  // This host's device credential: read (and refused if others can read it) before anything starts.
  const remoteCredential = options.hubCredential ? readDeviceCredential(options.hubCredential) : undefined;
  const embedded =
    options.hub === 'embedded' ? await startEmbeddedHub(options.dataDir, options.seed, createLogger('hub')) : undefined;
  const hub = embedded?.hub;
  const hubUrl = hub?.url ?? options.hub;
  const credential = embedded?.credential ?? remoteCredential;
  if (!credential) throw new Error(`--hub ${options.hub} needs --hub-credential FILE`);

  // What the host holds: the feed's cache and the operator actions not yet confirmed by the hub.
  const cacheFile = join(options.dataDir, 'cache.sqlite');
  const cacheDb = openCache(cacheFile, logger).db;
  const store = new FeedCache(cacheDb, logger);
  const outbox = new Outbox(cacheDb, logger);
  const outboxView = () => ({ depth: outbox.depth(), items: outbox.list(50) });

  // The wall: its monitors, and the surfaces placed on them.
  const placement = new WallPlacement(
    config.monitors,
    planWall(config.monitors, defaultSurfaces(config.monitors, config.layouts), config.wall),
  );
  const surfaces = new SurfaceRegistry();
  surfaces.set(placement.surfaces());

  // Every window is told through the bridge: the feed, its state, the outbox and layout changes.
  const bridge = new BridgeServer({
    tokens: { console: token, wall: wallToken },
    logger,
    onDisconnect: (clientId) => people.pageGone(clientId),
  });
  const feed = new FeedClient({
    hubUrl,
    hubCa: options.hubCa ? readFileSync(options.hubCa, 'utf8') : undefined,
    credential,
    sink: store,
    logger,
  });
  // The people logged in on the console pages: their sessions stay here, the pages get a resume handle.
  const people = new PersonSessions({
    ask: (event, payload, response) => feed.ask(event, payload, response),
    tell: (clientId, change) => bridge.emitTo(clientId, 'person', change),
    logger,
    detachedKeepMs: options.idleLockMinutes * 60_000,
  });
  feed.onState((s) => {
    outbox.setTransport(s.state === 'connected' ? feed.sendCommand : undefined);
    bridge.emit('feedState', s);
  });
  outbox.onChange(() => bridge.emit('outbox', outboxView()));
  // Encoding a broadcast costs even with nobody listening (a replay with no window open): skip it then.
  const broadcast = new FeedBroadcast((events) => bridge.emit('feed', events));
  store.onApplied((events) => {
    if (bridge.clients > 0) broadcast.push(events);
  });
  store.onSnapshot((topic) => {
    broadcast.flush();
    bridge.emit('resync', { topic });
  });
  // The active preset (override or schedule) decides every surface's layout; windows are told as it changes.
  const presets = new PresetApplier({ surfaces, emit: (change) => bridge.emit('layout', change), logger });
  presets.start(store.latest());
  store.onApplied((events) => presets.ingest(events));
  store.onSnapshot((topic) => {
    if (topic.startsWith('wall.')) presets.reload(store.latest());
  });
  // Pages show lag, catch-up progress and ages; a state change alone would leave them stale between changes.
  const feedTicker = setInterval(() => bridge.emit('feedState', feed.status()), 1000);
  feedTicker.unref();
  // History is kept for a week; latest values and offsets stay whatever their age.
  const pruneTimer = setInterval(() => store.prune(CACHE_RETAIN_MS), 10 * 60_000);
  pruneTimer.unref();

  const status = (): HostStatus => ({
    app: 'ioc-wall',
    role: 'host',
    version: APP_VERSION,
    startedAt,
    shell: config.shell,
    locale: options.locale,
    monitors: placement.monitorStatus(),
    monitorSource: config.monitorSource,
    surfaces: surfaces.status(),
    windowEvents: surfaces.recentEvents(),
    bridge: bridge.status(),
    feed: feed.status(),
    cache: { kind: 'sqlite', keys: store.size },
    outbox: { depth: outbox.depth() },
    presets: presets.status(),
  });

  const handlers: BridgeHandlers = {
    hello: async (req, ctx) => {
      const surface = req.surfaceId ? (surfaces.get(req.surfaceId) ?? null) : null;
      if (req.role === 'wall' && !surface) throw new Error(`no surface "${req.surfaceId ?? ''}" on this wall`);
      const person = ctx.access === 'console' ? await people.resume(ctx.clientId, req.resume) : null;
      return {
        locale: options.locale,
        surface,
        surfaces: surfaces.all(),
        latest: store.latest(),
        feed: feed.status(),
        serverTime: Date.now(),
        person,
        idleLockMinutes: options.idleLockMinutes,
      };
    },
    status: () => status(),
    heartbeat: (req) => {
      const { surfaceId, ...beat } = req;
      if (!surfaces.heartbeat(surfaceId, { ...beat, at: Date.now() })) throw new Error(`no surface "${surfaceId}"`);
      const win = surfaces.status().find((s) => s.id === surfaceId)?.window;
      if (win && (win.state === 'starting' || win.state === 'none')) surfaces.setWindow(surfaceId, 'open', win.pid);
      return { ok: true };
    },
    command: (req, ctx) => {
      // Queued with the person's access token: it stays theirs even if they log out before it is delivered.
      const grant = people.current(ctx.clientId);
      if (!grant) throw new LoginRequired();
      return outbox.enqueue(req.name, req.args, grant.accessToken);
    },
    outbox: () => outboxView(),
    history: (req) => store.history(req.topic, req.key, req.since ?? Date.now() - 3_600_000, req.limit),
    login: (req, ctx) => people.login(ctx.clientId, req),
    logout: async (req, ctx) => {
      await people.logout(ctx.clientId, req.everywhere);
      return { ok: true };
    },
    audit: (req, ctx) => {
      if (!people.current(ctx.clientId)) throw new LoginRequired();
      return people.audit(ctx.clientId, req);
    },
    'alarm.performance': () => performanceFromCache(store, Date.now()),
    'alarm.dryRun': (req) => dryRunFromCache(store, req.rule, Date.now()),
  };

  const shutdown = async (): Promise<void> => {
    clearInterval(feedTicker);
    clearInterval(pruneTimer);
    broadcast.close();
    presets.close();
    people.close();
    feed.close();
    await bridge.close();
    outbox.close();
    store.close();
    cacheDb.close();
    await hub?.close();
  };

  // The pages, /api/status and the bridge, on one loopback port.
  const launchCodes = new LaunchCodes();
  try {
    const http = createHttpServer({
      rendererDir: RENDERER_DIR,
      status,
      publicStatus: () => ({ app: 'ioc-wall', role: 'host', version: APP_VERSION }),
      token,
      launchCodes,
      mediaOrigins: options.mediaOrigins,
    });
    bridge.serve(http, handlers);
    await listen(http, options.port);
  } catch (err) {
    await shutdown();
    throw err;
  }
  const origin = bridge.origin;

  return {
    origin,
    token,
    wallToken,
    surfaces,
    hub,
    demoLogin: embedded?.demoLogin,
    urlFor: (path) => `${origin}/?token=${tokenFor(path)}#${path}`,
    launchUrlFor: (path) => `${origin}/?code=${launchCodes.issue(tokenFor(path))}#${path}`,
    status,
    setPresentMonitors: (ids) => {
      const moved = placement.setPresent(ids);
      // Places change; layouts stay as they are now (a preset may have replaced the planned ones).
      if (moved.length > 0)
        surfaces.set(placement.surfaces().map((s) => ({ ...s, layout: surfaces.get(s.id)?.layout ?? s.layout })));
      return moved;
    },
    close: shutdown,
  };
}

/** Listens on loopback only; a port in use is said in words a person can act on. */
function listen(http: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    http.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} is in use (another IOC Wall?); choose another with --port`)
          : err,
      ),
    );
    http.listen(port, '127.0.0.1', () => resolve());
  });
}
