// Opens the host's SQLite cache and brings the schema up to date. A cache that does not open, whose start tables do
// not read, or that the last integrity check marked damaged (cache-integrity.ts) is moved aside with a clear
// message — never deleted — and a new one is made. The full check (quick_check) runs after the first snapshot.
import type Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { Logger } from '../../../platform/logger.js';
import { migrate } from '../../../platform/sqlite/migrate.js';
import { openDatabase } from '../../../platform/sqlite/open-database.js';
import { damagedMarker } from './cache-integrity.js';
import { CACHE_MIGRATIONS } from './migrations.js';

export interface OpenedCache {
  db: Database.Database;
  /** Where a corrupt cache was moved to, when it was. */
  movedAside: string | null;
}

export function openCache(file: string, logger: Logger): OpenedCache {
  let movedAside: string | null = null;
  const marker = damagedMarker(file);
  let db = existsSync(marker)
    ? `marked damaged by its integrity check: ${readFileSync(marker, 'utf8').trim()}`
    : tryOpen(file);
  if (typeof db === 'string') {
    movedAside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, movedAside + suffix);
    }
    rmSync(marker, { force: true });
    logger.error(
      `the cache ${file} is damaged (${db}); it was moved to ${movedAside} and a new cache will be filled from the hub`,
    );
    const fresh = tryOpen(file);
    if (typeof fresh === 'string') throw new Error(`cannot create a new cache at ${file}: ${fresh}`);
    db = fresh;
  }
  return { db, movedAside };
}

/** The open cache, or why it is damaged; any other error (a cache newer than this app) is thrown. */
function tryOpen(file: string): Database.Database | string {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { synchronous: 'NORMAL' });
    // Caches written before schema_migrations kept their version in PRAGMA user_version.
    migrate(db, 'cache', CACHE_MIGRATIONS, { adoptUserVersion: true });
    // What a start reads at once (FeedCache.load): damage there is found now, the rest by the deferred check.
    db.prepare('SELECT COUNT(*) FROM latest').get();
    db.prepare('SELECT COUNT(*) FROM topic_offsets').get();
    return db;
  } catch (err) {
    db?.close();
    if (db && !isDamage(err)) throw err;
    return err instanceof Error ? err.message : String(err);
  }
}

const isDamage = (err: unknown): boolean =>
  err instanceof Error && 'code' in err && (err.code === 'SQLITE_CORRUPT' || err.code === 'SQLITE_NOTADB');
