// PRAGMA synchronous belongs to a connection, not to a write. A store opened at NORMAL (in WAL mode a power cut may
// roll its newest commits back, never corrupt it) runs the writes that must survive anything — the outbox's
// operator actions, shared with the cache's connection — at FULL on that same connection: FULL syncs the WAL at
// each commit, so when such a write returns it is on disk, as durable as on a connection of its own at FULL.
// One connection also means one writer, and tables that exist because their owner migrated them.
import type Database from 'better-sqlite3';

/** Runs `write` with synchronous=FULL, then restores the connection's level. */
export function durably<T>(db: Database.Database, write: () => T): T {
  // SQLite refuses to change the safety level inside a transaction.
  if (db.inTransaction) throw new Error('durably() must run outside a transaction');
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
