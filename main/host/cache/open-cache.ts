// Opens the host's SQLite cache: checks it (PRAGMA quick_check), moves a corrupt file aside with a clear
// message — never deletes it — and brings the schema up to date.
import type Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import type { Logger } from '../../../platform/logger.js';
import { migrate } from '../../../platform/sqlite/migrate.js';
import { openDatabase } from '../../../platform/sqlite/open-database.js';
import { CACHE_MIGRATIONS } from './migrations.js';

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
  try {
    // Caches written before schema_migrations kept their version in PRAGMA user_version.
    migrate(db, 'cache', CACHE_MIGRATIONS, { adoptUserVersion: true });
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, movedAside };
}

function tryOpen(file: string): Database.Database | string {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { synchronous: 'NORMAL' });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    return db;
  } catch (err) {
    db?.close();
    return err instanceof Error ? err.message : String(err);
  }
}
