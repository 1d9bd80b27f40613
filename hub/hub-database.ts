// The hub's database: one SQLite file (`hub-events.sqlite`), one connection in the hub, holding the event log, the
// command journal, the people and devices and the audit log — so a command's record, the events it causes and its
// audit row commit together. WAL, so an installer's CLI command can use the file while the hub runs. It holds
// password hashes, so the folder is 0700 and the file 0600.
import type Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../platform/sqlite/migrate.js';
import { openDatabase } from '../platform/sqlite/open-database.js';
import { AUDIT_MIGRATIONS } from './audit/audit-schema.js';
import { COMMAND_LOG_MIGRATIONS } from './command-log-migrations.js';
import { DEAD_LETTER_MIGRATIONS } from './connectors/dead-letter-store.js';
import { EVENT_LOG_MIGRATIONS } from './event-log-migrations.js';
import { IDENTITY_MIGRATIONS } from './identity/identity-schema.js';

export function hubDatabaseFile(dataDir: string): string {
  return join(dataDir, 'hub-events.sqlite');
}

/** Opens (or creates) the hub's database at `file` — null: in memory, for tests — with every schema up to date. */
export function openHubDatabaseFile(file: string | null): Database.Database {
  const db = openDatabase(file, { synchronous: 'NORMAL' });
  try {
    if (file) chmodSync(file, 0o600);
    migrate(db, 'event-log', EVENT_LOG_MIGRATIONS);
    migrate(db, 'command-log', COMMAND_LOG_MIGRATIONS);
    migrate(db, 'identity', IDENTITY_MIGRATIONS);
    migrate(db, 'audit', AUDIT_MIGRATIONS);
    migrate(db, 'dead-letters', DEAD_LETTER_MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function openHubDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return openHubDatabaseFile(hubDatabaseFile(dataDir));
}
