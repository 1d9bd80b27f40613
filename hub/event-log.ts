// The hub's durable, ordered log: one sequence of offsets per topic, in SQLite so a restart loses nothing
// and clients can resume from the offsets they hold. Every topic holds the latest event of each key forever (the
// snapshot a new client starts from); older history is pruned by age and count, below the topic's floor.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { EVENT_COLUMNS, EVENT_VALUES, type EventRow, toEnvelope, toEventRow } from '../platform/event-rows.js';
import type { Envelope, KnownTopic } from '../src/contract/hub-protocol.js';

export interface NewEvent {
  topic: KnownTopic;
  key: string;
  source: string;
  time: number;
  payload: unknown;
}

export interface RetentionPolicy {
  maxAgeMs: number;
  maxEvents: number;
}

export class EventLog {
  private readonly heads = new Map<string, number>();
  private readonly insert: Database.Statement;
  private readonly range: Database.Statement<[string, number, number], EventRow>;
  private readonly byKey: Database.Statement<[string, string], EventRow>;
  private readonly setLatest: Database.Statement;
  private readonly floors = new Map<string, number>();

  /** `db`: the hub's database (openHubDatabaseFile), whose owner closes it. */
  constructor(private readonly db: Database.Database) {
    for (const row of this.db.prepare('SELECT topic, floor FROM floors').all() as { topic: string; floor: number }[]) {
      this.floors.set(row.topic, row.floor);
    }
    for (const row of this.db.prepare('SELECT topic, MAX(offset) AS head FROM events GROUP BY topic').all() as {
      topic: string;
      head: number;
    }[]) {
      this.heads.set(row.topic, row.head);
    }
    this.insert = this.db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (${EVENT_VALUES})`);
    this.byKey = this.db.prepare(
      `SELECT e.* FROM latest l JOIN events e ON e.topic = l.topic AND e.offset = l.offset
       WHERE l.topic = ? AND l.key = ?`,
    );
    this.setLatest = this.db.prepare(
      `INSERT INTO latest (topic, key, offset) VALUES (?, ?, ?)
       ON CONFLICT (topic, key) DO UPDATE SET offset = excluded.offset`,
    );
    this.range = this.db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE topic = ? AND offset > ? ORDER BY offset LIMIT ?`,
    );
  }

  /** Appends in one transaction and returns the events with their offsets. */
  append(events: readonly NewEvent[]): Envelope[] {
    const heads = new Map<string, number>();
    const out = events.map((e): Envelope => {
      const offset = (heads.get(e.topic) ?? this.head(e.topic)) + 1;
      heads.set(e.topic, offset);
      return { ...e, offset };
    });
    this.store(out);
    return out;
  }

  /**
   * Stores events whose offsets were given elsewhere (the JetStream back end's replica: hub/jetstream/), each the
   * next of its topic, in one transaction with `alongside` (which records where the replica stands).
   */
  protected store(envelopes: readonly Envelope[], alongside?: () => void): void {
    this.db.transaction(() => {
      for (const e of envelopes) {
        this.insert.run(toEventRow(e));
        this.setLatest.run(e.topic, e.key, e.offset);
      }
      alongside?.();
    })();
    for (const e of envelopes) this.heads.set(e.topic, e.offset);
  }

  /**
   * Runs a command's handler. Here its events are written in the journal's transaction, so nothing more is needed;
   * the JetStream replica gives them message ids made from the command's key.
   */
  asCommand<T>(_key: string, apply: () => T): T {
    return apply();
  }

  /** The newest event of a key, if any. */
  latestOf(topic: string, key: string): Envelope | undefined {
    const r = this.byKey.get(topic, key);
    return r ? toEnvelope(r) : undefined;
  }

  /** The payload of a key's latest event read with `schema`; undefined when there is none or it does not parse. */
  latestPayload<T>(topic: string, key: string, schema: z.ZodType<T>): T | undefined {
    const parsed = schema.safeParse(this.latestOf(topic, key)?.payload);
    return parsed.success ? parsed.data : undefined;
  }

  /** For the command journal and the audit log, which write in the same transactions as the events. */
  get database(): Database.Database {
    return this.db;
  }

  /** Events of a topic after `afterOffset`, oldest first. */
  read(topic: string, afterOffset: number, limit: number): Envelope[] {
    return this.range.all(topic, afterOffset, limit).map(toEnvelope);
  }

  /** The latest event of every key of a topic, oldest first: what a new client starts from. */
  snapshot(topic: string): Envelope[] {
    return this.db
      .prepare<[string], EventRow>(
        `SELECT e.* FROM latest l JOIN events e ON e.topic = l.topic AND e.offset = l.offset
         WHERE l.topic = ? ORDER BY e.offset`,
      )
      .all(topic)
      .map(toEnvelope);
  }

  /** Smallest offset from which the log of a topic is complete (1 until something was pruned). */
  floor(topic: string): number {
    return this.floors.get(topic) ?? 1;
  }

  /**
   * Drops history of a topic older than `maxAgeMs` or beyond the newest `maxEvents`, keeping the latest event of
   * every key; returns how many events went. Clients behind the new floor get a snapshot instead of a replay.
   */
  prune(topic: string, policy: RetentionPolicy, now = Date.now()): number {
    const head = this.head(topic);
    if (head === 0) return 0;
    const byCount = head - policy.maxEvents + 1;
    const firstYoung = this.db
      .prepare('SELECT MIN(offset) AS o FROM events WHERE topic = ? AND time >= ?')
      .get(topic, now - policy.maxAgeMs) as { o: number | null };
    const newFloor = Math.min(head + 1, Math.max(byCount, firstYoung.o ?? head + 1));
    if (newFloor <= this.floor(topic)) return 0;
    return this.db.transaction(() => {
      const { changes } = this.db
        .prepare(
          `DELETE FROM events WHERE topic = ? AND offset < ?
           AND NOT EXISTS (SELECT 1 FROM latest l WHERE l.topic = events.topic AND l.offset = events.offset)`,
        )
        .run(topic, newFloor);
      this.recordFloor(topic, newFloor);
      return changes;
    })();
  }

  /** Below `floor` the topic's history is not held (pruned here, or never received by a replica). */
  protected recordFloor(topic: string, floor: number): void {
    this.db
      .prepare(
        'INSERT INTO floors (topic, floor) VALUES (?, ?) ON CONFLICT (topic) DO UPDATE SET floor = excluded.floor',
      )
      .run(topic, floor);
    this.floors.set(topic, floor);
  }

  head(topic: string): number {
    return this.heads.get(topic) ?? 0;
  }

  headsByTopic(): Record<string, number> {
    return Object.fromEntries(this.heads);
  }
}
