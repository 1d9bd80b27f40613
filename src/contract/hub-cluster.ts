// What a host knows of every hub in its `--hub URL1,URL2,…` list, from polling each hub's /api/status: for the
// console's "Cụm hub" table and for scripts reading the host's /api/status.
import { z } from 'zod';

/** What a hub said of itself at the last check, reduced to what an admin acts on. */
export const HubAnswer = z.object({
  version: z.string().max(200),
  /** Where the hub's log is: its own SQLite file, or NATS JetStream shared with other hubs. */
  log: z.enum(['sqlite', 'jetstream']),
  /** The hub's name in the cluster (JetStream only). */
  name: z.string().max(200).nullable(),
  /** Runs the demo, the connectors and the alarm engine (a SQLite hub always does; a JetStream hub holds the lease). */
  producer: z.boolean(),
  /** Connected to NATS (null: a SQLite hub, no NATS). */
  natsConnected: z.boolean().nullable(),
  /** Events waiting to be appended to the streams. */
  waiting: z.number().int().nonnegative(),
  /** Stream messages refused as not the next valid event of their topic. */
  refused: z.number().int().nonnegative(),
});
export type HubAnswer = z.infer<typeof HubAnswer>;

/**
 * `pending`: not checked yet; `ok`: a valid answer; `unreachable`: no answer in time (or an HTTP error);
 * `invalid`: an answer that is not a hub's status.
 */
const HubReach = z.enum(['pending', 'ok', 'unreachable', 'invalid']);

export const HubView = z.object({
  url: z.string(),
  /** The hub this host's feed is on now. */
  current: z.boolean(),
  reach: HubReach,
  /** Why it is unreachable or invalid (null otherwise). */
  error: z.string().max(500).nullable(),
  /** When it was last checked, epoch ms (null: not yet). */
  checkedAt: z.number().nullable(),
  /** Only with `reach: ok`: a stale answer of a hub that stopped answering would mislead. */
  answer: HubAnswer.nullable(),
});
export type HubView = z.infer<typeof HubView>;
