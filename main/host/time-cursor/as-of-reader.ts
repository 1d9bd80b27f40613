// The host's cache read "as of T": the latest event of every key with time ≤ T, a topic's history ending at T,
// and the events between two times (a replay tick). The `latest` table holds each key's newest event forever, so a
// key whose history was pruned still has its value at T when that newest event is not after T.
import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow, toEnvelope } from '../../../platform/event-rows.js';
import type { Envelope } from '../../../src/contract/hub-protocol.js';

/** Events one replay tick may carry; a longer stretch is a jump (pages repaint from hello). */
const MAX_TICK_EVENTS = 20_000;

export class AsOfReader {
  private readonly latestAtStmt: Database.Statement<[number, number], EventRow>;
  private readonly betweenStmt: Database.Statement<[number, number, number], EventRow>;
  private readonly heldFromStmt: Database.Statement<[], { t: number | null }>;

  constructor(private readonly db: Database.Database) {
    // SQLite takes the bare columns of a MAX() aggregate from the row that holds the maximum.
    this.latestAtStmt = db.prepare(
      `SELECT topic, MAX(offset) AS offset, time, source, key, payload FROM (
         SELECT ${EVENT_COLUMNS} FROM events WHERE time <= ?
         UNION ALL SELECT ${EVENT_COLUMNS} FROM latest WHERE time <= ?)
       GROUP BY topic, key ORDER BY topic, offset`,
    );
    this.betweenStmt = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE time > ? AND time <= ? ORDER BY topic, offset LIMIT ?`,
    );
    this.heldFromStmt = db.prepare('SELECT MIN(time) AS t FROM events');
  }

  /** The latest event of every key with time ≤ `at`, by topic and offset. */
  latestAt(at: number): Envelope[] {
    return this.latestAtStmt.all(at, at).map(toEnvelope);
  }

  /** Events of a topic (or one key) with since ≤ time ≤ until, oldest first, at most `limit` of the newest. */
  history(topic: string, key: string | undefined, since: number, until: number, limit: number): Envelope[] {
    const rows = (
      key === undefined
        ? this.db
            .prepare(
              `SELECT ${EVENT_COLUMNS} FROM events WHERE topic = ? AND time >= ? AND time <= ?
               ORDER BY offset DESC LIMIT ?`,
            )
            .all(topic, since, until, limit)
        : this.db
            .prepare(
              `SELECT ${EVENT_COLUMNS} FROM events WHERE topic = ? AND key = ? AND time >= ? AND time <= ?
               ORDER BY offset DESC LIMIT ?`,
            )
            .all(topic, key, since, until, limit)
    ) as EventRow[];
    return rows.reverse().map(toEnvelope);
  }

  /** Events with from < time ≤ to, by topic and offset; null when there are more than a tick may carry. */
  between(from: number, to: number): Envelope[] | null {
    const rows = this.betweenStmt.all(from, to, MAX_TICK_EVENTS + 1);
    return rows.length > MAX_TICK_EVENTS ? null : rows.map(toEnvelope);
  }

  /** The oldest event time the cache holds, or null when it holds no history. */
  heldFrom(): number | null {
    return this.heldFromStmt.get()?.t ?? null;
  }
}
