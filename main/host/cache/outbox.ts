// The outbox: operator actions stored durably (synchronous=FULL) before the UI shows them as queued, sent to
// the hub with their idempotency key, retried until the hub answers, and kept across restarts. The hub applies
// each key once, so "sent twice" (a lost answer, a host killed mid-send) still means "applied once".
// Its table is part of the cache's schema; it is handed the cache's open connection (see `durably` for how its
// writes stay at FULL while the feed's bulk writes on the same connection are NORMAL).
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type CommandName, type CommandResult, readStoredCommandResult } from '../../../src/contract/commands.js';
import { CommandRequest, CommandResponse } from '../../../src/contract/hub-protocol.js';
import type { Logger } from '../../../platform/logger.js';
import { durably } from '../../../platform/sqlite/durably.js';

type OutboxState = 'queued' | 'done' | 'failed';

export interface OutboxItem {
  id: number;
  key: string;
  name: CommandName;
  args: unknown;
  createdAt: number;
  state: OutboxState;
  attempts: number;
  result: CommandResult | { error: string } | null;
}

interface Row {
  id: number;
  idem_key: string;
  name: CommandName;
  args: string;
  created_at: number;
  state: OutboxState;
  attempts: number;
  result: string | null;
  session: string | null;
}

/** Sends one command to the hub; rejects when there is no answer (the item stays queued). */
export type CommandTransport = (request: CommandRequest) => Promise<unknown>;

class OutboxError extends Error {}

export class Outbox {
  private transport: CommandTransport | undefined;
  private sending = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void>();
  private backoffMs = 0;

  /** `db`: the cache's database (openCache), which holds the outbox table; its owner closes it. */
  constructor(
    private readonly db: Database.Database,
    private readonly logger: Logger,
  ) {}

  /**
   * Stores the action with the access token of the person who made it (the hub takes who acted from the token,
   * and accepts it after it expires for an action made while it was valid); when this returns, it survives a crash.
   */
  enqueue(name: CommandName, args: unknown, accessToken: string): OutboxItem {
    const key = randomBytes(16).toString('base64url');
    const now = Date.now();
    const request = CommandRequest.safeParse({ key, name, args, issuedAt: now, session: accessToken });
    if (!request.success) throw new OutboxError(`invalid ${name}: ${z.prettifyError(request.error)}`);
    const info = durably(this.db, () =>
      this.db
        .prepare(
          `INSERT INTO outbox (idem_key, name, args, created_at, state, attempts, updated_at, session)
           VALUES (?, ?, ?, ?, 'queued', 0, ?, ?)`,
        )
        .run(key, name, JSON.stringify(args), now, now, accessToken),
    );
    this.changed();
    this.kick();
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): OutboxItem | undefined {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toItem(row) : undefined;
  }

  list(limit = 50): OutboxItem[] {
    return (this.db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toItem);
  }

  depth(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'queued'").get() as { n: number }).n;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connected: start delivering. Undefined: the hub is gone; keep everything queued. */
  setTransport(transport: CommandTransport | undefined): void {
    this.transport = transport;
    this.backoffMs = 0;
    this.kick();
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.transport = undefined;
  }

  private kick(): void {
    if (!this.sending && this.transport) void this.drain();
  }

  /** Delivers queued items oldest first, one at a time, so the hub sees them in the order they were made. */
  private async drain(): Promise<void> {
    this.sending = true;
    try {
      for (;;) {
        const transport = this.transport;
        if (!transport || !this.db.open) return;
        const row = this.db.prepare("SELECT * FROM outbox WHERE state = 'queued' ORDER BY id LIMIT 1").get() as
          Row | undefined;
        if (!row) return;
        durably(this.db, () =>
          this.db
            .prepare('UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?')
            .run(Date.now(), row.id),
        );
        let answer: unknown;
        try {
          answer = await transport({
            key: row.idem_key,
            name: row.name,
            args: JSON.parse(row.args) as unknown,
            issuedAt: row.created_at,
            ...(row.session === null ? {} : { session: row.session }),
          });
        } catch (err) {
          this.backoffMs = Math.min(5000, Math.max(1000, this.backoffMs * 2));
          this.logger.warn('command not delivered; will retry', {
            key: row.idem_key,
            error: String(err),
            inMs: this.backoffMs,
          });
          clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => this.kick(), this.backoffMs);
          this.retryTimer.unref();
          return;
        }
        // The host may have shut down while the hub answered.
        if (!this.db.open) return;
        this.backoffMs = 0;
        const parsed = CommandResponse.safeParse(answer);
        // Rate limited: still queued, sent again when the hub said.
        if (parsed.success && !parsed.data.ok && parsed.data.retryAfterMs !== undefined) {
          clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => this.kick(), parsed.data.retryAfterMs);
          this.retryTimer.unref();
          return;
        }
        const [state, result] = !parsed.success
          ? (['failed', { error: `malformed answer from the hub: ${z.prettifyError(parsed.error)}` }] as const)
          : parsed.data.ok
            ? (['done', parsed.data.result] as const)
            : (['failed', { error: parsed.data.error }] as const);
        durably(this.db, () =>
          this.db
            // The token is of no further use once the hub has answered: it is not kept.
            .prepare('UPDATE outbox SET state = ?, result = ?, updated_at = ?, session = NULL WHERE id = ?')
            .run(state, JSON.stringify(result), Date.now(), row.id),
        );
        this.changed();
      }
    } finally {
      this.sending = false;
    }
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

function toItem(r: Row): OutboxItem {
  return {
    id: r.id,
    key: r.idem_key,
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    createdAt: r.created_at,
    state: r.state,
    attempts: r.attempts,
    result: r.result === null ? null : storedResult(r.result),
  };
}

/** A hub's answer as stored: a command's result (read leniently: rows stored by earlier versions) or an error. */
function storedResult(text: string): OutboxItem['result'] {
  const raw: unknown = JSON.parse(text);
  if (typeof raw === 'object' && raw !== null && 'error' in raw && typeof raw.error === 'string') {
    return { error: raw.error };
  }
  return readStoredCommandResult(text);
}
