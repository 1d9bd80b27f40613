// What `ioc-wall hub --log nats://…` says: the NATS servers of the site's cluster, how to trust them, how many
// copies each stream keeps, and the name this hub goes by in the cluster (its audit chain, its command claims).
import { z } from 'zod';
import { FederatedSite } from './federation.js';

const NatsUrl = z
  .string()
  .trim()
  .regex(/^(nats|tls):\/\/[^\s,/]+$/, 'a NATS server is nats://host:port or tls://host:port');

export const JetStreamLogOptions = z
  .object({
    servers: z.array(NatsUrl).min(1).max(16),
    /** PEM file of the CA that signed the NATS servers' certificates (`--log-tls-ca`); then TLS is required. */
    tlsCa: z.string().min(1).optional(),
    /** PEM client certificate and key the NATS servers verify (`--log-tls-cert`, `--log-tls-key`). */
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
    /** Copies of each stream across the cluster (`--log-replicas`): 1 for one server, 3 for a 3-node cluster. */
    replicas: z.number().int().min(1).max(5).default(1),
    /** This hub's name in the cluster: unique per hub process, stable across its restarts. */
    /**
     * Other sites whose topics this site takes over a leaf node (`--federate DOMAIN:topic,…`): at the centre the
     * provinces' indicators and alerts, at a province the centre's directives.
     */
    federate: z.array(FederatedSite).max(64).default([]),
    hubName: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a hub name is 1–64 letters, digits, - or _')
      .default('hub'),
  })
  .refine((o) => Boolean(o.tlsCert) === Boolean(o.tlsKey), '--log-tls-cert and --log-tls-key go together');
export type JetStreamLogOptions = z.output<typeof JetStreamLogOptions>;
/** As a caller gives them: the defaults not yet applied. */
export type JetStreamLogInput = z.input<typeof JetStreamLogOptions>;

/** `nats://a:4222,nats://b:4222` → the list of servers. */
export function parseLogServers(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
