// The JetStream back end of the hub (`ioc-wall hub --log nats://…`): the streams, this hub's replica of them, the
// writer, the keeper of the latest value per key, the command claims, the audit copy, the shared identity and the
// producer lease, opened together and closed together. Open it before anything reads the signing key (the
// sessions).
import type Database from 'better-sqlite3';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../../platform/logger.js';
import type { Envelope, KnownTopic } from '../../src/contract/hub-protocol.js';
import type { RetentionPolicy } from '../event-log.js';
import { ensureAuditStream, mirrorAudit } from './audit-mirror.js';
import { ensureDirectivesMirror } from './directives-mirror.js';
import { sourceSites } from './federation.js';
import { relayFederation } from './federation-relay.js';
import { shareSigningKey, syncIdentity } from './identity-sync.js';
import { CommandClaims } from './command-claims.js';
import { type JetStreamLogInput, JetStreamLogOptions } from './jetstream-options.js';
import { connectNats } from './nats-link.js';
import { keepLatest, type LatestKeeper } from './latest-keeper.js';
import { holdProducerLease, type LeaseHandlers, type ProducerLease } from './producer-lease.js';
import { ReplicaLog } from './replica-log.js';
import { followStreams, type StreamFollower } from './stream-follower.js';
import { StreamWriter } from './stream-writer.js';
import { ensureTopicStreams } from './topic-streams.js';

export interface JetStreamBackEnd {
  readonly replica: ReplicaLog;
  readonly claims: CommandClaims;
  /** Resolves once this hub holds the people, devices and sessions the cluster had when asked. */
  identityCaughtUp(): Promise<void>;
  /** Follows the streams into the replica; resolves once it holds what the streams held at the start. */
  follow(onApplied: (events: readonly Envelope[]) => void): Promise<void>;
  /** Competes for the producer lease; the handlers start and stop this hub's producers. */
  lease(handlers: LeaseHandlers): Promise<void>;
  /** What /api/status says of the back end. */
  status(): { kind: 'jetstream'; hub: string; connected: boolean; producer: boolean; waiting: number; refused: number };
  close(): Promise<void>;
}

export async function openJetStreamBackEnd(
  db: Database.Database,
  input: JetStreamLogInput,
  policyOf: (topic: KnownTopic) => RetentionPolicy,
  logger: Logger,
): Promise<JetStreamBackEnd> {
  const options = JetStreamLogOptions.parse(input);
  const nc: NatsConnection = await connectNats(options, `ioc-wall hub ${options.hubName}`);
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  await ensureTopicStreams(jsm, policyOf, options.replicas);
  await ensureAuditStream(jsm, options.replicas);
  await sourceSites(jsm, options.federate, { replicas: options.replicas });
  await ensureDirectivesMirror(nc, options.replicas);
  const holder: { writer: StreamWriter | null } = { writer: null };
  const replica = ReplicaLog.open(db, (events, ids) => holder.writer?.enqueue(events, ids));
  const writer = new StreamWriter({ js, jsm, replicaTail: (t) => replica.tail(t), logger });
  holder.writer = writer;
  const claims = await CommandClaims.open(nc, options.hubName, options.replicas, {
    before: () => writer.caughtUp(),
    after: () => writer.applied(),
  });
  const stopMirror = await mirrorAudit(db, { js, jsm }, options.hubName, logger);
  await shareSigningKey(db, nc, options.replicas);
  const identity = await syncIdentity(db, { js, jsm }, options.hubName, options.replicas, logger);
  let follower: StreamFollower | null = null;
  let lease: ProducerLease | null = null;
  let stopRelay: (() => void) | null = null;
  let keeper: LatestKeeper | null = null;
  let connected = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') connected = false;
      else if (s.type === 'reconnect') connected = true;
    }
  })();

  return {
    replica,
    claims,
    identityCaughtUp: () => identity.caughtUp(),
    async follow(onApplied) {
      follower = await followStreams({
        js,
        jsm,
        replica,
        logger,
        onApplied: (events) => {
          keeper?.wake();
          onApplied(events);
        },
      });
      await follower.caughtUp();
    },
    async lease(handlers) {
      // The federated copies are relayed, and the latest values kept, by the producing hub, like any other source.
      lease = await holdProducerLease(
        nc,
        options.hubName,
        options.replicas,
        {
          gained: () => {
            stopRelay = relayFederation({ js, jsm, writer, logger }, options.federate);
            keeper = keepLatest({ js, jsm, replica, logger });
            handlers.gained();
          },
          lost: () => {
            stopRelay?.();
            stopRelay = null;
            keeper?.stop();
            keeper = null;
            handlers.lost();
          },
        },
        logger,
      );
    },
    status: () => ({
      kind: 'jetstream',
      hub: options.hubName,
      connected,
      producer: lease?.holding() ?? false,
      waiting: writer.waiting(),
      refused: follower?.refused() ?? 0,
    }),
    async close() {
      lease?.stop();
      stopRelay?.();
      keeper?.stop();
      await Promise.race([writer.flushed(), new Promise((r) => setTimeout(r, 2000))]);
      writer.close();
      stopMirror();
      identity.stop();
      follower?.stop();
      await nc.drain().catch(() => nc.close());
    },
  };
}
