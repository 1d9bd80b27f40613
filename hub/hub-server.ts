// The feed hub: an HTTP + socket.io server over the event log. Embedded in the host by default, or standalone
// (`ioc-wall hub`). It owns the truth; clients resume from the offsets they hold.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { z } from 'zod';
import {
  Envelope,
  HUB_EVENTS,
  type HubStatus,
  KNOWN_TOPICS,
  type KnownTopic,
  SubscribeRequest,
  type SubscribeResponse,
} from '../src/contract/hub-protocol.js';
import { TOPICS, type TopicDefinition } from '../src/contract/topics.js';
import { CommandLog } from './command-log.js';
import { WEBHOOK_ROUTES } from './connectors/webhook/webhook-connector.js';
import { DemoSource } from './demo-source.js';
import { Alarm } from '../src/domain/alarms/alarm-schema.js';
import { EventLog, type NewEvent, type RetentionPolicy } from './event-log.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { createHubGuard } from './guard/hub-guard.js';
import { Subscriber } from './subscriber.js';
import { openHubDatabaseFile } from './hub-database.js';
import { AuditLog } from './audit/audit-log.js';
import { IdentityAdmin } from './identity/identity-admin.js';
import { Login } from './identity/login.js';
import { Sessions } from './identity/sessions.js';
import { deviceHandshake } from './access/device-handshake.js';
import { HandshakeAudit } from './access/handshake-audit.js';
import { cutRevokedDevices } from './access/revoked-devices.js';
import { serveCommands } from './access/serve-commands.js';
import { servePeople } from './access/serve-people.js';
import {
  BRIEFING_STATE_KEY,
  BriefingStatePayload,
  briefingInProgress,
} from '../src/domain/briefing/briefing-schema.js';
import { Choreographer, type ChoreographerOptions } from './alarms/choreographer.js';
import { serveDeadLetters } from './access/serve-dead-letters.js';
import type { ConnectorEntry } from './connectors/connectors-file.js';
import { type ConnectorRunner, startConnectors } from './connectors/connector-runner.js';
import { DeadLetterStore } from './connectors/dead-letter-store.js';
import { AlarmEngine } from './alarms/alarm-engine.js';
import type { Clock } from './clock.js';
import { demoRuleEvents } from './demo-rules.js';
import { type JetStreamBackEnd, openJetStreamBackEnd } from './jetstream/jetstream-back-end.js';
import type { JetStreamLogInput } from './jetstream/jetstream-options.js';

/** A week of history, at most two million events per topic, unless configured otherwise. */
const DEFAULT_RETENTION: RetentionPolicy = { maxAgeMs: 7 * 86_400_000, maxEvents: 2_000_000 };
const DEFAULT_SNAPSHOT_ABOVE = 10_000;

export interface HubOptions {
  /** 0: any free port. */
  port: number;
  host?: string;
  /** The hub's SQLite file (log, journal, people, devices, audit: hub-database.ts); null keeps it in memory. */
  logFile: string | null;
  /** Browser origins allowed to connect (`--allow-origin`); a Node client sends none. Default: no browser. */
  allowedOrigins?: readonly string[];
  demo: boolean;
  seed?: number;
  /** Demo tick period in ms (default 250). */
  tickMs?: number;
  /** Demo events per second; above the natural pace of the demo, live counters are ticked more often. */
  rate?: number;
  /** History kept per topic (the latest event of every key is always kept). */
  retention?: Partial<Record<KnownTopic, RetentionPolicy>>;
  /** A new client of a log longer than this gets a snapshot, not a replay. */
  snapshotAbove?: number;
  version: string;
  logger?: Logger;
  /** PEM certificate and key: the hub then serves https/wss only (`--tls-cert`, `--tls-key`). */
  tls?: { cert: string; key: string };
  /** The rule engine's side of alarm → wall (responses, alarm news, a briefing on); default: no responses. */
  choreography?: Partial<Pick<ChoreographerOptions, 'responseOf' | 'onAlarm' | 'briefingActive'>>;
  /** The connectors of `--connectors FILE`, run by this hub (hub/connectors/). */
  connectors?: readonly ConnectorEntry[];
  /** The alarm engine's clock (default Date.now): tests move it on to expire shelving and to escalate. */
  alarmClock?: Clock;
  /**
   * `--log nats://…`: the log lives in NATS JetStream (hub/jetstream/) and `logFile` holds this hub's replica of
   * it; any number of hubs serve the same log, and the one holding the producer lease runs the demo, the
   * connectors and the alarm engine.
   */
  jetstream?: JetStreamLogInput;
}

export interface RunningHub {
  readonly url: string;
  readonly port: number;
  status(): HubStatus;
  publish(events: readonly NewEvent[]): Envelope[];
  /** People and devices of this hub (enrolling the embedded host, tests). */
  readonly admin: IdentityAdmin;
  /** The rules' alarms: responses for the wall's choreography, alarm changes as they happen, the timers' tick. */
  readonly alarms: Pick<AlarmEngine, 'responseOf' | 'onAlarm' | 'tick'>;
  close(): Promise<void>;
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const logger = options.logger ?? createLogger('hub');
  const db = openHubDatabaseFile(options.logFile);
  const policyOf = (topic: KnownTopic): RetentionPolicy => {
    const policy = { ...DEFAULT_RETENTION, ...options.retention?.[topic] };
    const { minRetentionMs = 0 }: TopicDefinition = TOPICS[topic];
    return { ...policy, maxAgeMs: Math.max(policy.maxAgeMs, minRetentionMs) };
  };
  const cluster: JetStreamBackEnd | null = options.jetstream
    ? await openJetStreamBackEnd(db, options.jetstream, policyOf, logger).catch((err: unknown) => {
        db.close();
        throw err;
      })
    : null;
  const log = cluster?.replica ?? new EventLog(db);
  // The runner starts once `publish` exists; a replay before that finds no connector.
  const connectors: { runner: ConnectorRunner | null } = { runner: null };
  const deadLetters = new DeadLetterStore(db);
  const commands = new CommandLog(log, {
    replay: (id, letter, now) =>
      connectors.runner?.replay(id, letter, now) ?? { ok: false, reason: 'not-found', message: `no connector ${id}` },
  });
  const audit = new AuditLog(db, Date.now);
  const admin = new IdentityAdmin(db, Date.now);
  const sessions = new Sessions(db, Date.now);
  const login = new Login(db, Date.now);
  const startedAt = Date.now();
  const subscribers = new Set<Subscriber>();
  const guard = createHubGuard(logger);

  const handler = (req: IncomingMessage, res: ServerResponse): void => route(req, res);
  const http = options.tls
    ? createTlsServer({ ...options.tls, minVersion: 'TLSv1.2' }, handler)
    : createServer(handler);
  // As the host's: a poller reusing a keep-alive connection must not race Node's 5 s idle close.
  http.keepAliveTimeout = 60_000;
  const io = new Server(http, { transports: ['websocket'], serveClient: false, ...guard.serverOptions });
  io.use(
    deviceHandshake({
      devices: admin.devices,
      allowedOrigins: options.allowedOrigins ?? [],
      audit: new HandshakeAudit(audit, Date.now),
      logger,
      onRefused: () => guard.note('handshake'),
    }),
  );
  const stopCutting = cutRevokedDevices(io, admin.devices, logger);

  const status = (): HubStatus => ({
    app: 'ioc-wall',
    role: 'hub',
    version: options.version,
    startedAt,
    demo: options.demo,
    clients: io.engine.clientsCount,
    topics: Object.fromEntries(KNOWN_TOPICS.map((t) => [t, { head: log.head(t), floor: log.floor(t) }])),
    commands: commands.count(),
    refused: guard.refused(),
    connectors: connectors.runner?.statuses() ?? [],
    log: cluster?.status() ?? { kind: 'sqlite' },
  });

  function route(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { ok: true });
    if (req.method === 'GET' && path === '/api/status') return sendJson(res, 200, status());
    if (path && WEBHOOK_ROUTES.serve(req, res, path)) return;
    sendJson(res, 404, { error: 'not found' });
  }

  io.on('connection', (socket) => {
    guard.connection(socket);
    const sub = new Subscriber(socket, log, { snapshotAbove: options.snapshotAbove ?? DEFAULT_SNAPSHOT_ABOVE });
    subscribers.add(sub);
    socket.on('disconnect', () => subscribers.delete(sub));
    guard.on(socket, HUB_EVENTS.subscribe, (raw: unknown, ack?: unknown) => {
      const reply = (r: SubscribeResponse): void => {
        if (typeof ack === 'function') ack(r);
      };
      const parsed = SubscribeRequest.safeParse(raw);
      if (!parsed.success) {
        const error = `bad subscribe: ${z.prettifyError(parsed.error)}`;
        logger.warn(error, { client: socket.id });
        return reply({ ok: false, error });
      }
      const topics = parsed.data.topics as Record<string, number>;
      reply({
        ok: true,
        heads: Object.fromEntries(Object.keys(topics).map((t) => [t, log.head(t)])),
        demo: options.demo,
      });
      sub.subscribe(topics, parsed.data.reset);
    });
    const wake = (events: readonly Envelope[]): void => {
      if (cluster) return; // the events come back through the stream followers (applied below)
      applied(events);
      choreographer.refresh(); // a command may have changed an alarm, the override or a response
    };
    serveCommands(socket, {
      commands,
      sessions,
      audit,
      guard,
      logger,
      wake,
      claims: cluster?.claims,
      identityCaughtUp: cluster ? () => cluster.identityCaughtUp() : undefined,
    });
    servePeople(socket, { login, sessions, audit, guard, logger });
    serveDeadLetters(socket, { sessions, deadLetters, guard });
  });

  const append = (events: readonly NewEvent[]): Envelope[] => {
    // Whatever the source, nothing invalid enters the log.
    for (const e of events) Envelope.parse({ ...e, offset: 1 });
    const appended = log.append(events);
    if (!cluster) applied(appended);
    return appended;
  };
  const publish = (events: readonly NewEvent[]): Envelope[] => {
    const appended = append(events);
    if (events.some((e) => e.topic === 'ops.alerts' || e.topic === 'wall.state')) choreographer.refresh();
    return appended;
  };
  let producing = false;
  /** Events that entered the log: subscribers pump them; the producing hub's alarm engine evaluates them. */
  const applied = (events: readonly Envelope[]): void => {
    for (const sub of subscribers) sub.wake();
    if (!producing) return;
    alarms.observe(events);
    // In the embedded back end publish refreshes after its own appends; here every change arrives this way.
    if (cluster && events.some((e) => e.topic !== 'econ.live')) choreographer.refresh();
  };
  const alarms = new AlarmEngine({ log, publish, clock: options.alarmClock ?? Date.now, logger });
  const choreographer = new Choreographer({
    log,
    publish: append,
    onAlarm: (listener) => alarms.onAlarm(listener),
    responseOf: (ruleId) => alarms.responseOf(ruleId),
    // A briefing holds the wall: responses wait (the wall shows only a discreet banner).
    briefingActive: () =>
      briefingInProgress(
        BriefingStatePayload.safeParse(log.latestOf('briefing.state', BRIEFING_STATE_KEY)?.payload).data,
      ),
    ...options.choreography,
    clock: Date.now,
    logger,
  });
  const prune = (): void => {
    for (const topic of KNOWN_TOPICS) {
      const removed = log.prune(topic, policyOf(topic));
      if (removed > 0) logger.info('history pruned', { topic, removed, floor: log.floor(topic) });
    }
  };
  prune();
  const pruneTimer = setInterval(prune, 60_000);
  pruneTimer.unref();

  /** The demo, the connectors, the alarm engine and the choreographer: what writes to the log of its own accord. */
  const startProducers = (): (() => Promise<void>) => {
    producing = true;
    alarms.start();
    choreographer.start();

    connectors.runner = startConnectors(options.connectors ?? [], {
      publish,
      latest: (topic, key) => log.latestOf(topic, key)?.payload,
      deadLetters,
      logger,
      now: Date.now,
    });

    let timer: NodeJS.Timeout | undefined;
    if (options.demo) {
      const demo = new DemoSource({
        seed: options.seed ?? 2025,
        clock: Date.now,
        currentAlarm: (id) => log.latestPayload('ops.alerts', id, Alarm),
      });
      const initial = demo.initial();
      // A demo hub restarted on an existing log keeps its history and only adds what happens next.
      // (Judged by the demo's own topics: the choreographer may already have written its empty responses.)
      if (initial.every((e) => log.head(e.topic) === 0)) publish(initial);
      else {
        demo.continueAlarmNumbers(log.snapshot('ops.alerts').map((e) => e.key));
        // A log written before presets existed gets the demo presets (and only those) once.
        if (log.head('wall.presets') === 0 && log.head('wall.state') === 0) {
          publish(initial.filter((e) => e.topic === 'wall.presets' || e.topic === 'wall.state'));
        }
      }
      // Its alarm rules, once: an admin may have changed or deleted them since.
      if (log.head('alarm.rules') === 0) publish(demoRuleEvents(Date.now()));
      const tickMs = options.rate ? 50 : (options.tickMs ?? 250);
      // Owed by the clock, not by ticks: a timer that fires late on a busy machine still makes the rate.
      let owed = 0;
      let last = Date.now();
      timer = setInterval(() => {
        const batch = demo.tick();
        const now = Date.now();
        const rate = options.rate ?? 0;
        // At most a second's worth after a stall, not a burst of everything missed.
        owed = Math.min(rate, owed + (rate * (now - last)) / 1000 - batch.length);
        last = now;
        while (owed >= 1) {
          const more = demo.tick();
          batch.push(...more);
          owed -= more.length;
        }
        publish(batch);
      }, tickMs);
    }
    return async () => {
      producing = false;
      if (timer) clearInterval(timer);
      alarms.stop();
      choreographer.close();
      await connectors.runner?.stop();
    };
  };
  let stopProducers: (() => Promise<void>) | null = null;
  if (cluster) {
    await cluster.follow(applied);
    await cluster.lease({
      gained: () => {
        stopProducers = startProducers();
      },
      lost: () => {
        void stopProducers?.();
        stopProducers = null;
      },
    });
  } else stopProducers = startProducers();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `${options.tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}`;
  logger.info('hub listening', { url, demo: options.demo, log: options.logFile ?? 'memory' });

  return {
    url,
    port,
    status,
    publish,
    admin,
    alarms,
    async close() {
      await stopProducers?.();
      clearInterval(pruneTimer);
      stopCutting();
      await io.close();
      await cluster?.close();
      db.close();
    },
  };
}

function sendJson(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
