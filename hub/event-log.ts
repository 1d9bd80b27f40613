// The hub's durable, ordered log: one sequence of offsets per topic, in SQLite so a restart loses nothing
// and clients can resume from the offsets they hold.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Envelope, KnownTopic } from '../src/contract/hub-protocol.js';

export interface NewEvent {
  topic: KnownTopic;
  key: string;
  source: string;
  time: number;
  payload: unknown;
}

interface Row {
  topic: KnownTopic;
  offset: number;
  time: number;
  source: string;
  key: string;
  payload: string;
}

export class EventLog {
  private readonly db: Database.Database;
  private readonly heads = new Map<string, number>();
  private readonly insert: Database.Statement;
  private readonly range: Database.Statement<[string, number, number], Row>;
  private readonly byKey: Database.Statement<[string, string], Row>;

  /** `file` null: in memory (tests, throwaway demo). */
  constructor(file: string | null) {
    if (file) mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file ?? ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS events (
      topic TEXT NOT NULL, offset INTEGER NOT NULL, time INTEGER NOT NULL,
      source TEXT NOT NULL, key TEXT NOT NULL, payload TEXT NOT NULL,
      PRIMARY KEY (topic, offset)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS events_by_key ON events (topic, key, offset)`);
    for (const row of this.db.prepare('SELECT topic, MAX(offset) AS head FROM events GROUP BY topic').all() as {
      topic: string;
      head: number;
    }[]) {
      this.heads.set(row.topic, row.head);
    }
    this.insert = this.db.prepare(
      'INSERT INTO events (topic, offset, time, source, key, payload) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byKey = this.db.prepare(
      'SELECT topic, offset, time, source, key, payload FROM events WHERE topic = ? AND key = ? ORDER BY offset DESC LIMIT 1',
    );
    this.range = this.db.prepare(
      'SELECT topic, offset, time, source, key, payload FROM events WHERE topic = ? AND offset > ? ORDER BY offset LIMIT ?',
    );
  }

  /** Appends in one transaction and returns the events with their offsets. */
  append(events: readonly NewEvent[]): Envelope[] {
    const out: Envelope[] = [];
    const heads = new Map(this.heads);
    this.db.transaction(() => {
      for (const e of events) {
        const offset = (heads.get(e.topic) ?? 0) + 1;
        heads.set(e.topic, offset);
        this.insert.run(e.topic, offset, e.time, e.source, e.key, JSON.stringify(e.payload));
        out.push({ ...e, offset });
      }
    })();
    for (const [topic, head] of heads) this.heads.set(topic, head);
    return out;
  }

  /** The newest event of a key, if any. */
  latestOf(topic: string, key: string): Envelope | undefined {
    const r = this.byKey.get(topic, key);
    return r ? { ...r, payload: JSON.parse(r.payload) as unknown } : undefined;
  }

  /** For the command log, which must write in the same transactions as the events. */
  get database(): Database.Database {
    return this.db;
  }

  /** Events of a topic after `afterOffset`, oldest first. */
  read(topic: string, afterOffset: number, limit: number): Envelope[] {
    return this.range.all(topic, afterOffset, limit).map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
  }

  head(topic: string): number {
    return this.heads.get(topic) ?? 0;
  }

  headsByTopic(): Record<string, number> {
    return Object.fromEntries(this.heads);
  }

  close(): void {
    this.db.close();
  }
}
