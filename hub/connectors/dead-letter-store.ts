// The dead letters of every connector, in the hub's database: what a connector refused, kept for an admin to read
// and replay. Bounded: each connector keeps its newest MAX_PER_CONNECTOR, each input cut to MAX_INPUT_CHARS, so a
// source that sends only garbage cannot fill the disk.
import type Database from 'better-sqlite3';
import type { DeadLetter } from './connector.js';

const MAX_PER_CONNECTOR = 10_000;
const MAX_INPUT_CHARS = 16_384;
const MAX_TEXT_CHARS = 1000;

export const DEAD_LETTER_MIGRATIONS: readonly string[] = [
  `CREATE TABLE dead_letters (
     id INTEGER PRIMARY KEY,
     connector TEXT NOT NULL,
     at INTEGER NOT NULL,
     location TEXT NOT NULL,
     reason TEXT NOT NULL,
     input TEXT NOT NULL,
     replayed_at INTEGER);
   CREATE INDEX dead_letters_connector ON dead_letters (connector, id);`,
];

export interface StoredDeadLetter extends DeadLetter {
  id: number;
  connector: string;
  at: number;
  /** When an admin's replay of it was accepted; null while it is still refused. */
  replayedAt: number | null;
}

interface Row {
  id: number;
  connector: string;
  at: number;
  location: string;
  reason: string;
  input: string;
  replayed_at: number | null;
}

const toLetter = (r: Row): StoredDeadLetter => ({
  id: r.id,
  connector: r.connector,
  at: r.at,
  location: r.location,
  reason: r.reason,
  input: r.input,
  replayedAt: r.replayed_at,
});

export class DeadLetterStore {
  private readonly insert: Database.Statement;
  private readonly trim: Database.Statement;
  private readonly byId: Database.Statement<[number], Row>;
  private readonly latest: Database.Statement<[string, number], Row>;
  private readonly pending: Database.Statement<[string], { n: number }>;
  private readonly markReplayed: Database.Statement<[number, number]>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO dead_letters (connector, at, location, reason, input) VALUES (?, ?, ?, ?, ?)',
    );
    this.trim = db.prepare(
      `DELETE FROM dead_letters WHERE connector = ? AND id <= (
         SELECT id FROM dead_letters WHERE connector = ? ORDER BY id DESC LIMIT 1 OFFSET ${MAX_PER_CONNECTOR})`,
    );
    this.byId = db.prepare('SELECT * FROM dead_letters WHERE id = ?');
    this.latest = db.prepare('SELECT * FROM dead_letters WHERE connector = ? ORDER BY id DESC LIMIT ?');
    this.pending = db.prepare('SELECT COUNT(*) AS n FROM dead_letters WHERE connector = ? AND replayed_at IS NULL');
    this.markReplayed = db.prepare('UPDATE dead_letters SET replayed_at = ? WHERE id = ?');
  }

  add(connector: string, letter: DeadLetter, at: number): void {
    this.insert.run(
      connector,
      at,
      letter.location.slice(0, MAX_TEXT_CHARS),
      letter.reason.slice(0, MAX_TEXT_CHARS),
      letter.input.slice(0, MAX_INPUT_CHARS),
    );
    this.trim.run(connector, connector);
  }

  get(id: number): StoredDeadLetter | undefined {
    const row = this.byId.get(id);
    return row && toLetter(row);
  }

  /** Newest first. */
  list(connector: string, limit: number): StoredDeadLetter[] {
    return this.latest.all(connector, limit).map(toLetter);
  }

  /** Not replayed yet. */
  count(connector: string): number {
    return this.pending.get(connector)?.n ?? 0;
  }

  replayed(id: number, at: number): void {
    this.markReplayed.run(at, id);
  }
}
