// Opens the host's SQLite cache: checks it (PRAGMA quick_check), moves a corrupt file aside with a clear
// message — never deletes it — and brings the schema up to date.
import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import type { Logger } from '../../../hub/logger.js';
import { MIGRATIONS } from './migrations.js';

export interface OpenedCache {
  db: Database.Database;
  /** Where a corrupt cache was moved to, when it was. */
  movedAside: string | null;
}

export function openCache(file: string, logger: Logger): OpenedCache {
  let movedAside: string | null = null;
  let db = tryOpen(file);
  if (typeof db === 'string') {
    movedAside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, movedAside + suffix);
    }
    logger.error(
      `the cache ${file} is damaged (${db}); it was moved to ${movedAside} and a new cache will be filled from the hub`,
    );
    const fresh = tryOpen(file);
    if (typeof fresh === 'string') throw new Error(`cannot create a new cache at ${file}: ${fresh}`);
    db = fresh;
  }
  migrate(db);
  return { db, movedAside };
}

function tryOpen(file: string): Database.Database | string {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db?.close();
    return err instanceof Error ? err.message : String(err);
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `the cache was written by a newer IOC Wall (schema ${version}, this one knows ${MIGRATIONS.length})`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
