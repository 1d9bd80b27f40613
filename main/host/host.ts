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
import { type RoomServer, serveRoom } from './http/room-server.js';
import type { RunningHub } from '../../hub/hub-server.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { dryRunFromCache, performanceFromCache } from './alarm-figures.js';
import { APP_VERSION, RENDERER_DIR } from './app-paths.js';
import { readDeviceCredential } from './device-credential-file.js';
import { type DemoLogin, startEmbeddedHub } from './embedded-hub.js';
import { readConnectorsFile } from '../../hub/connectors/connectors-file.js';
import { BridgeServer } from './bridge-server.js';
import { type BridgeHandlers, LoginRequired } from './bridge-handlers.js';
import { FeedClient } from './feed-client.js';
import { FeedBroadcast } from './feed-broadcast.js';
import { Outbox } from './cache/outbox.js';
import { createHttpServer } from './http/http-server.js';
import { LaunchCodes } from './http/launch-codes.js';
import { FeedCache } from './cache/feed-cache.js';
import { openCache } from './cache/open-cache.js';
import { hubUrls, type StartOptions } from './start-options.js';
import { CacheIntegrity } from './cache/cache-integrity.js';
import { SurfaceRegistry } from './surface-registry.js';
import { WallPlacement } from './displays/wall-placement.js';
import { PresetApplier } from './presets/preset-applier.js';
import { PersonSessions } from './person-sessions.js';
import { HubLinkAlarm } from './hub-link-alarm.js';
import { HubClusterWatch } from './hub-cluster-watch.js';
import { AsOfReader } from './time-cursor/as-of-reader.js';
import { TimeCursor } from './time-cursor/time-cursor.js';
import { BriefingPacks } from './briefing-pack/briefing-packs.js';
import { findChromium } from './shells/find-chromium.js';
import { mayAct } from '../../src/domain/identity/roles.js';
import { COMMANDS } from '../../src/contract/commands.js';
import { loadCameraFile } from './cameras/camera-file.js';
import { CameraRelays } from './cameras/camera-relays.js';
import { PrivacyFilter } from './privacy-filter.js';

const CACHE_RETAIN_MS = 7 * 86_400_000;
/** Who may export a briefing pack: whoever may present or work the room. */
const PACK_ROLES = ['operator', 'leader', 'admin'] as const;

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
  /** A console-token page on the room's network (`--room-address`); undefined without one. */
  roomUrlFor(path: string): string | undefined;
  /** The same page with a one-time code instead of the token: for a window's command line, which others can read. */
  launchUrlFor(path: string): string;
  status(): HostStatus;
  /** The wall's monitors present now: surfaces are consolidated or return home; returns the ids that moved. */
  setPresentMonitors(ids: readonly string[]): string[];
  close(): Promise<void>;
}

/** `--connectors FILE`, read and checked before anything starts (a bad file is a ConnectorsFileError: exit 2). */
const connectorsOf = (file: string | undefined) => (file ? readConnectorsFile(file) : []);

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
  // The site's camera list, checked before anything starts too.
  const cameras = options.cameras ? await loadCameraFile(options.cameras) : [];
  const embedded =
    options.hub === 'embedded'
      ? await startEmbeddedHub(
          options.dataDir,
          { demo: options.demo, seed: options.seed, connectors: connectorsOf(options.connectors) },
          createLogger('hub'),
        )
      : undefined;
  const hub = embedded?.hub;
  const credential = embedded?.credential ?? remoteCredential;
  if (!credential) throw new Error(`--hub ${options.hub} needs --hub-credential FILE`);

  // What the host holds: the feed's cache and the operator actions not yet confirmed by the hub.
  const cacheFile = join(options.dataDir, 'cache.sqlite');
  const cacheDb = openCache(cacheFile, logger).db;
  const integrity = new CacheIntegrity(cacheFile, logger);
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
  // The room's network (`--room-address`), once it listens.
  let room: RoomServer | undefined;
  const bridge = new BridgeServer({
    tokens: { console: token, wall: wallToken },
    logger,
    roomOrigins: () => (room ? [room.origin] : []),
    onDisconnect: (clientId) => {
      people.pageGone(clientId);
      relays.pageGone(clientId);
    },
  });
  const hubCa = options.hubCa ? readFileSync(options.hubCa, 'utf8') : undefined;
  const feed = new FeedClient({
    hubUrls: hub ? [hub.url] : hubUrls(options.hub),
    stallMs: options.hubStallS * 1000,
    hubCa,
    credential,
    sink: store,
    logger,
  });
  // Every hub of the list as its /api/status says (the embedded one read directly): for the console's cluster table.
  const hubs = new HubClusterWatch({
    urls: hub ? [hub.url] : hubUrls(options.hub),
    embedded: hub ? () => hub.status() : undefined,
    current: () => feed.status().failover.current,
    hubCa,
    logger,
  });
  // The people logged in on the console pages: their sessions stay here, the pages get a resume handle.
  const people = new PersonSessions({
    ask: (event, payload, response) => feed.ask(event, payload, response),
    tell: (clientId, change) => bridge.emitTo(clientId, 'person', change),
    logger,
    detachedKeepMs: options.idleLockMinutes * 60_000,
  });
  // The host's own rule for its link to the hub: it runs here, so it fires while the hub is away.
  const hubLink = new HubLinkAlarm({
    maxAgeS: options.hubDownAlarmS,
    clock: Date.now,
    onChange: (alarms) => bridge.emit('hostAlarms', alarms),
  });
  feed.onState((s) => {
    outbox.setTransport(s.state === 'connected' ? feed.sendCommand : undefined);
    bridge.emit('feedState', s);
    hubLink.observe(s.state);
  });
  outbox.onChange(() => bridge.emit('outbox', outboxView()));
  // Privacy mode scrubs every event on its way to a window; switching it repaints every page from scrubbed values.
  const privacy = new PrivacyFilter(() => {
    broadcast.flush();
    relays.privacyChanged();
    bridge.emit('cameras', relays.views());
    bridge.emit('resync', { topic: 'wall.state' });
  });
  // The site's cameras: RTSP ones relayed by ffmpeg while some page shows them.
  const relays = new CameraRelays({ cameras, privacy: () => privacy.active, logger });
  // Encoding a broadcast costs even with nobody listening (a replay with no window open): skip it then.
  const broadcast = new FeedBroadcast((events) => bridge.emit('feed', privacy.scrub(events)));
  // The wall "as of T": pages are served from the cache at T, and live events are held back while not live.
  const asOf = new AsOfReader(cacheDb);
  const cursor = new TimeCursor({
    between: (from, to) => (store.flush(), asOf.between(from, to)),
    heldFrom: () => (store.flush(), asOf.heldFrom()),
    tell: (change, events) => {
      broadcast.flush();
      if (events.length > 0) bridge.emit('feed', privacy.scrub(events));
      bridge.emit('timeCursor', change);
    },
  });
  store.onApplied((events) => {
    if (bridge.clients > 0 && cursor.live) broadcast.push(events);
    privacy.ingest(events);
  });
  privacy.ingest(store.latest());
  store.onSnapshot((topic) => {
    broadcast.flush();
    if (topic === 'wall.state') privacy.ingest(store.latest());
    bridge.emit('resync', { topic });
  });
  // The active preset (override or schedule) decides every surface's layout; windows are told as it changes.
  const presets = new PresetApplier({
    surfaces,
    emit: (change) => bridge.emit('layout', change),
    logger,
    cameraFor: (province) => cameras.find((c) => province !== null && c.province === province)?.id,
  });
  presets.start(store.latest());
  store.onApplied((events) => presets.ingest(events));
  store.onSnapshot((topic) => {
    if (topic.startsWith('wall.')) presets.reload(store.latest());
  });
  // Pages show lag, catch-up progress and ages; a state change alone would leave them stale between changes.
  const feedTicker = setInterval(() => {
    const state = feed.status();
    bridge.emit('feedState', state);
    hubLink.observe(state.state);
  }, 1000);
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
    cache: { kind: 'sqlite', keys: store.size, integrity: integrity.status },
    outbox: { depth: outbox.depth() },
    presets: presets.status(),
    connectors: hubs.connectors(),
    hubs: hubs.views(),
    alarms: hubLink.active(),
  });

  const handlers: BridgeHandlers = {
    hello: async (req, ctx) => {
      const surface = req.surfaceId ? (surfaces.get(req.surfaceId) ?? null) : null;
      if (req.role === 'wall' && !surface) throw new Error(`no surface "${req.surfaceId ?? ''}" on this wall`);
      const person = ctx.access === 'console' ? await people.resume(ctx.clientId, req.resume) : null;
      // A briefing pack's page asks its scene's time; every other page follows the wall's cursor.
      const at = req.asOf ?? cursor.current().asOf;
      if (at !== null) store.flush();
      setImmediate(checkCache);
      return {
        locale: options.locale,
        surface,
        surfaces: surfaces.all(),
        latest: privacy.scrub(at === null ? store.latest() : asOf.latestAt(at)),
        feed: feed.status(),
        serverTime: Date.now(),
        person,
        idleLockMinutes: options.idleLockMinutes,
        timeCursor: req.asOf === undefined ? cursor.current() : { asOf: req.asOf, replaySpeed: null, heldFrom: null },
        cameras: relays.views(),
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
    history: (req) => {
      const at = req.until ?? cursor.current().asOf;
      if (at === null) {
        return privacy.scrub(store.history(req.topic, req.key, req.since ?? Date.now() - 3_600_000, req.limit));
      }
      store.flush();
      return privacy.scrub(asOf.history(req.topic, req.key, req.since ?? at - 3_600_000, at, req.limit));
    },
    timeCursor: (req, ctx) => {
      const grant = people.current(ctx.clientId);
      if (!grant) throw new LoginRequired();
      const allowed = COMMANDS['wall.timeCursor'].roles;
      if (!mayAct(grant.person.roles, allowed)) throw new Error(`cần vai trò ${allowed.join(', ')} (role required)`);
      const state = cursor.set(req);
      // Shown at once, offline too; the hub's audit trail records it when the outbox delivers it.
      outbox.enqueue('wall.timeCursor', { asOf: state.asOf, replaySpeed: state.replaySpeed }, grant.accessToken);
      return state;
    },
    briefingPack: (req, ctx) => {
      const grant = people.current(ctx.clientId);
      if (!grant) throw new LoginRequired();
      if (!mayAct(grant.person.roles, PACK_ROLES))
        throw new Error(`cần vai trò ${PACK_ROLES.join(', ')} (role required)`);
      return packs.make(req);
    },
    printPack: (req) => packs.spec(req.id),
    pointer: (req, ctx) => {
      const grant = people.current(ctx.clientId);
      if (!grant) throw new LoginRequired();
      const allowed = COMMANDS['briefing.next'].roles;
      if (!mayAct(grant.person.roles, allowed)) throw new Error(`cần vai trò ${allowed.join(', ')} (role required)`);
      // Ephemeral: straight to the pages, not through the outbox, so nothing of it reaches the hub's log.
      bridge.emit('pointer', req);
      return { ok: true as const };
    },
    login: (req, ctx) => people.login(ctx.clientId, req),
    logout: async (req, ctx) => {
      await people.logout(ctx.clientId, req.everywhere);
      return { ok: true };
    },
    audit: (req, ctx) => {
      if (!people.current(ctx.clientId)) throw new LoginRequired();
      return people.audit(ctx.clientId, req);
    },
    deadLetters: (req, ctx) => {
      if (!people.current(ctx.clientId)) throw new LoginRequired();
      return people.deadLetters(ctx.clientId, req);
    },
    showCameras: (req, ctx) => {
      relays.show(ctx.clientId, req.ids);
      return { ok: true };
    },
    'alarm.performance': () => performanceFromCache(store, Date.now()),
    'alarm.dryRun': (req) => dryRunFromCache(store, req.rule, Date.now()),
  };

  const packs = new BriefingPacks({
    chromium: findChromium(),
    dir: join(options.dataDir, 'packs'),
    urlFor: (path) => `${bridge.origin}/?token=${token}#${path}`,
    logger,
  });

  // The cache's check runs once the first page is served (or a few seconds after the start without one).
  let checkStarted = false;
  const checkCache = (): void => {
    if (checkStarted) return;
    checkStarted = true;
    clearTimeout(checkTimer);
    // Damaged: an orderly stop (as on SIGTERM) rather than serve from it; the next start moves it aside.
    void integrity.check(() => process.kill(process.pid, 'SIGTERM'));
  };
  const checkTimer = setTimeout(checkCache, 3000);
  checkTimer.unref();

  const shutdown = async (): Promise<void> => {
    clearTimeout(checkTimer);
    integrity.stop();
    clearInterval(feedTicker);
    clearInterval(pruneTimer);
    cursor.close();
    broadcast.close();
    presets.close();
    people.close();
    hubs.close();
    feed.close();
    await room?.close();
    await bridge.close();
    await relays.close();
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
      // Cameras played directly (their own HLS or WHEP) are allowed without a --media-origin of their own.
      mediaOrigins: [...new Set([...options.mediaOrigins, ...relays.directOrigins()])],
      relay: { prefix: relays.prefix, dir: relays.dir },
      roomHosts: () => (room ? [room.host] : []),
    });
    bridge.serve(http, handlers);
    await listen(http, options.port);
    if (options.roomAddress !== undefined && options.roomTlsCert && options.roomTlsKey) {
      room = await serveRoom(http, {
        address: options.roomAddress,
        port: options.roomPort,
        certFile: options.roomTlsCert,
        keyFile: options.roomTlsKey,
      });
    }
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
    roomUrlFor: (path) => (room ? `${room.origin}/?token=${token}#${path}` : undefined),
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
