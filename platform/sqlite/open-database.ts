// Opens a SQLite file the way every store of the app uses it: write-ahead log (readers never wait for the writer),
// foreign keys enforced, and the durability the caller asks for.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * In WAL mode NORMAL may lose the last commits on a power cut but never corrupts; FULL makes every commit durable
 * before it returns (fsync of the WAL).
 */
type Synchronous = 'NORMAL' | 'FULL';

export interface OpenDatabaseOptions {
  synchronous: Synchronous;
}

/** `file` null: in memory (tests, a throwaway demo). The file's folder is created when missing. */
export function openDatabase(file: string | null, options: OpenDatabaseOptions): Database.Database {
  if (file) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file ?? ':memory:');
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('foreign_keys = ON');
    // Another process may hold the write lock for a moment (an installer's CLI command beside the running hub).
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
