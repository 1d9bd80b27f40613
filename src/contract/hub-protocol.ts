// The hub protocol: what travels between the hub and its clients (hosts). Every message that arrives over a
// socket is parsed with these schemas before it touches state.
import { z } from 'zod';
import { KnownTopic, TOPICS } from './topics.js';
import { CommandName, CommandResult, commandArgs } from './commands.js';
import { ConnectorStatusRow } from './connector-status.js';

// The topics the protocol carries are those defined in ./topics.ts.
export { KNOWN_TOPICS, KnownTopic } from './topics.js';

export const TopicName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9_-]*)*$/, 'topic must be dotted lower-case words, e.g. "econ.indicators"')
  .max(64);

/** The `source` of every event the hub's demo data makes (`--demo`): pages mark what comes from it. */
export const DEMO_SOURCE = 'demo';

/** One event of a topic's ordered log. */
export const EnvelopeBase = z.object({
  topic: KnownTopic,
  /** Position in the topic's log: 1, 2, 3, … with no gaps. */
  offset: z.number().int().positive(),
  /** When the source produced it, epoch milliseconds. */
  time: z.number().int().nonnegative(),
  /** The system that produced it. */
  source: z.string().min(1).max(120),
  /** Identity of the thing described; the latest event of a key is its current value. */
  key: z.string().min(1).max(128),
  payload: z.unknown(),
});

export const Envelope = EnvelopeBase.superRefine((env, ctx) => {
  const result = TOPICS[env.topic].payload.safeParse(env.payload);
  if (!result.success) {
    for (const issue of result.error.issues) {
      ctx.addIssue({ ...issue, path: ['payload', ...issue.path] } as never);
    }
  }
});
export type Envelope = z.infer<typeof EnvelopeBase>;

/** Client → hub: subscribe to topics, each with the last offset the client already holds (0: none). */
export const SubscribeRequest = z.object({
  topics: z.partialRecord(KnownTopic, z.number().int().nonnegative()),
  /** Topics to start again from a snapshot whatever the offset (the client found its state ahead of the hub). */
  reset: z.array(KnownTopic).max(16).optional(),
});

/**
 * Hub → client: the latest event of every key of a topic up to `upTo`, instead of a replay — for a new client
 * of a long log, or one whose offset fell below what the hub still keeps. Events after `upTo` follow in order.
 */
export const SnapshotMessage = z
  .object({
    topic: KnownTopic,
    upTo: z.number().int().nonnegative(),
    events: z.array(Envelope).max(200_000),
  })
  .superRefine((snap, ctx) => {
    snap.events.forEach((e, i) => {
      if (e.topic !== snap.topic || e.offset > snap.upTo) {
        ctx.addIssue({ code: 'custom', path: ['events', i], message: 'event of another topic or after upTo' });
      }
    });
  });
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

export const SubscribeResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    heads: z.record(z.string(), z.number().int().nonnegative()),
    /** The hub makes demo data (`--demo`): every page then says so. */
    demo: z.boolean().default(false),
  }),
  z.object({ ok: z.literal(false), error: z.string(), retryAfterMs: z.number().int().nonnegative().optional() }),
]);
export type SubscribeResponse = z.infer<typeof SubscribeResponse>;

const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'idempotency key: 8–64 letters, digits, _ or -');

/**
 * An operator action, applied by the hub at most once per idempotency key. `session` is the access token of the
 * person who made it (src/contract/people.ts): the hub takes who acted from it, never from the client — an
 * `issuer` a client still sends is dropped by the parse. Optional only so that a command without one is answered
 * (and audited) as refused rather than as malformed.
 */
export const CommandRequest = z
  .object({
    key: IdempotencyKey,
    name: CommandName,
    args: z.unknown(),
    issuedAt: z.number().int().nonnegative(),
    session: z.string().min(1).max(4096).optional(),
  })
  .superRefine((cmd, ctx) => {
    const r = commandArgs(cmd.name).safeParse(cmd.args);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, path: ['args', ...i.path] } as never);
  });
export type CommandRequest = z.infer<typeof CommandRequest>;

export const CommandResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), key: IdempotencyKey, duplicate: z.boolean(), result: CommandResult }),
  /** Refused: malformed (sending it again will not help), or with `retryAfterMs` sent too fast (send it again then). */
  z.object({ ok: z.literal(false), error: z.string(), retryAfterMs: z.number().int().nonnegative().optional() }),
]);
export type CommandResponse = z.infer<typeof CommandResponse>;

/** Socket event names of the hub protocol. */
export const HUB_EVENTS = {
  subscribe: 'subscribe',
  events: 'events',
  snapshot: 'snapshot',
  command: 'command',
  protocolError: 'protocol-error',
  /** People at a console device (src/contract/people.ts): log in, renew, log out, read the audit trail. */
  login: 'login',
  refresh: 'refresh',
  logout: 'logout',
  audit: 'audit',
  /** An admin reads a connector's dead letters (src/contract/connector-status.ts). */
  deadLetters: 'dead-letters',
} as const;

export const HubStatus = z.object({
  app: z.literal('ioc-wall'),
  role: z.literal('hub'),
  version: z.string(),
  startedAt: z.number(),
  demo: z.boolean(),
  clients: z.number().int().nonnegative(),
  topics: z.record(z.string(), z.object({ head: z.number().int().nonnegative(), floor: z.number().int().positive() })),
  /** Commands applied so far (each idempotency key once). */
  commands: z.number().int().nonnegative(),
  /** Messages and connections refused by the hub's guard, by why (rate, shape, unknown-event, …). */
  refused: z.record(z.string(), z.number().int().nonnegative()),
  /** The connectors of `--connectors FILE` (none: an empty list; a hub before connectors sends nothing). */
  connectors: z.array(ConnectorStatusRow).default([]),
  /** Where the log is: this hub's SQLite file, or NATS JetStream (`--log nats://…`) with this hub's part in it. */
  log: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('sqlite') }),
      z.object({
        kind: z.literal('jetstream'),
        /** This hub's name in the cluster. */
        hub: z.string(),
        connected: z.boolean(),
        /** Whether this hub runs the demo, the connectors and the alarm engine (it holds the producer lease). */
        producer: z.boolean(),
        /** Events waiting to be appended to the streams. */
        waiting: z.number().int().nonnegative(),
        /** Stream messages refused as not the next valid event of their topic. */
        refused: z.number().int().nonnegative(),
      }),
    ])
    .default({ kind: 'sqlite' }),
});
export type HubStatus = z.infer<typeof HubStatus>;
