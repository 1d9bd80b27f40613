// The hub's one connection to the site's NATS cluster. It reconnects for ever: while NATS is away the hub keeps
// serving what its replica holds, and what it is asked to append waits in its writer.
import { readFileSync } from 'node:fs';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { JetStreamLogOptions } from './jetstream-options.js';

export function connectNats(options: JetStreamLogOptions, name: string): Promise<NatsConnection> {
  return connect({
    servers: options.servers,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Each request would otherwise build an Error for its stack up front: 5 % of the hub's time when appending.
    noAsyncTraces: true,
    ...(options.tlsCa || options.tlsCert
      ? {
          tls: {
            ...(options.tlsCa ? { ca: readFileSync(options.tlsCa, 'utf8') } : {}),
            ...(options.tlsCert && options.tlsKey
              ? { cert: readFileSync(options.tlsCert, 'utf8'), key: readFileSync(options.tlsKey, 'utf8') }
              : {}),
          },
        }
      : {}),
  });
}
