// What a connector is: a source of events from outside the product (a drop folder of reports, a REST API, CAP
// warnings, a webhook) run by the hub. Each kind is one entry of the table in connector-kinds.ts: its config
// schema and how to start it. A connector never writes the log itself: it hands events to `publish`, which
// validates them against the topic's schema like any other source, and it reports what it refused.
import type { z } from 'zod';
import type { Envelope, KnownTopic } from '../../src/contract/hub-protocol.js';
import type { Logger } from '../../platform/logger.js';
import type { NewEvent } from '../event-log.js';

/** A refused input, kept for an admin to inspect and replay: what came in, where, and why it was refused. */
export interface DeadLetter {
  /** The input as received (a row as JSON, a request body, an XML document), truncated by the store. */
  input: string;
  /** Where in the source: `file.xlsx!Sheet1:R12C4`, a URL, a request id. */
  location: string;
  /** Why, in Vietnamese, for the admin. */
  reason: string;
}

/** What the console shows of a connector; each field optional in an update. */
export interface ConnectorStatus {
  lastRunAt: number | null;
  nextRunAt: number | null;
  accepted: number;
  refused: number;
  lastError: string | null;
}

export interface ConnectorContext {
  /** Validates and appends; throws (appending nothing) when any event does not match its topic's schema. */
  publish(events: readonly NewEvent[]): Envelope[];
  /** The payload of a key's latest event as the log holds it now (unchecked): a connector that updates a record
   * others change too (an alarm operators acknowledge) starts from this, never from its own older copy. */
  latest(topic: KnownTopic, key: string): unknown;
  deadLetter(entry: DeadLetter): void;
  report(update: Partial<ConnectorStatus>): void;
  logger: Logger;
  now(): number;
}

export interface RunningConnector {
  stop(): Promise<void>;
  /**
   * Reads a dead letter of this connector again, with the config as it is now: the events it makes of it (not
   * published: the caller appends them), or why it is still refused. Absent: this kind cannot replay.
   */
  replay?(letter: DeadLetter): { ok: true; events: NewEvent[] } | { ok: false; reason: string };
}

/** One kind of connector: its config (an entry of the connectors file) and how to run one. */
export interface ConnectorKind<C extends { id: string }> {
  config: z.ZodType<C>;
  start(config: C, ctx: ConnectorContext): RunningConnector;
}
