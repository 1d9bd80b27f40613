// The hub's database file, as the CLI and the hub open it for identities and the audit log: the same file as the
// event log (WAL, so the hub and an installer's CLI command can use it at once). It holds password hashes, so the
// folder is 0700 and the file 0600.
import type Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../platform/sqlite/migrate.js';
import { openDatabase } from '../platform/sqlite/open-database.js';
import { AUDIT_MIGRATIONS } from './audit/audit-schema.js';
import { IDENTITY_MIGRATIONS } from './identity/identity-schema.js';

export function hubDatabaseFile(dataDir: string): string {
  return join(dataDir, 'hub-events.sqlite');
}

export function openHubDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = hubDatabaseFile(dataDir);
  const db = openDatabase(file, { synchronous: 'NORMAL' });
  chmodSync(file, 0o600);
  migrate(db, 'identity', IDENTITY_MIGRATIONS);
  migrate(db, 'audit', AUDIT_MIGRATIONS);
  return db;
}
