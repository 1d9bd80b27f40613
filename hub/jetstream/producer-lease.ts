// One hub of a site produces at a time: the demo, the connectors, the alarm engine and the choreographer run on
// the hub that holds the lease, a KV key only the first writer can create and whose holder renews it. When the
// holder dies its key expires and another hub takes over; a holder that cannot renew stops producing.
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../../platform/logger.js';

const BUCKET = 'ioc_leases';
const KEY = 'producer';
const TTL_MS = 10_000;
const RENEW_MS = 3_000;

export interface LeaseHandlers {
  /** This hub now holds the lease: start producing. */
  gained(): void;
  /** This hub lost it (it could not renew in time): stop producing at once. */
  lost(): void;
}

export interface ProducerLease {
  holding(): boolean;
  stop(): void;
}

export async function holdProducerLease(
  nc: NatsConnection,
  hub: string,
  replicas: number,
  handlers: LeaseHandlers,
  logger: Logger,
): Promise<ProducerLease> {
  const kv: KV = await new Kvm(nc).create(BUCKET, { ttl: TTL_MS, replicas, history: 1 });
  let revision: number | null = null;
  let renewedAt = 0;
  let stopped = false;

  const round = async (): Promise<void> => {
    try {
      if (revision === null) {
        revision = await kv.create(KEY, hub);
        renewedAt = Date.now();
        logger.info('this hub now produces (the producer lease is ours)', { hub });
        handlers.gained();
      } else {
        revision = await kv.update(KEY, hub, revision);
        renewedAt = Date.now();
      }
    } catch (err) {
      if (revision !== null && Date.now() - renewedAt > TTL_MS - RENEW_MS) {
        revision = null;
        logger.error('the producer lease is lost: this hub stops producing', { hub, error: String(err) });
        handlers.lost();
      }
    }
  };
  await round();
  const timer = setInterval(() => {
    if (!stopped) void round();
  }, RENEW_MS);
  timer.unref();
  return {
    holding: () => revision !== null,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      // Hand over at once rather than after the key expires.
      if (revision !== null) void kv.delete(KEY, { previousSeq: revision }).catch(() => undefined);
    },
  };
}
