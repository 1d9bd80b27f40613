// The hub's database file, as the CLI and the hub open it for identities and the audit log: the same file as the
// event log (WAL, so the hub and an installer's CLI command can use it at once). It holds password hashes, so the
// folder is 0700 and the file 0600.
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applySchema } from './apply-schema.js';
import { AUDIT_MIGRATIONS } from './audit/audit-schema.js';
import { IDENTITY_MIGRATIONS } from './identity/identity-schema.js';

export function hubDatabaseFile(dataDir: string): string {
  return join(dataDir, 'hub-events.sqlite');
}

export function openHubDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = hubDatabaseFile(dataDir);
  const db = new Database(file);
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // The hub may hold the write lock for a moment while an installer runs a CLI command.
  db.pragma('busy_timeout = 5000');
  applySchema(db, 'identity', IDENTITY_MIGRATIONS);
  applySchema(db, 'audit', AUDIT_MIGRATIONS);
  return db;
}
