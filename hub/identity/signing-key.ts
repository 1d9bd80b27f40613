// The key that signs session tokens: 32 random bytes made on first use and kept in the hub's database, beside
// the password hashes it protects no less than (a separate file would add a second thing to back up, not
// safety). Whichever process makes it first wins; every other reads the same key.
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

export function signingKey(db: Database.Database): Uint8Array {
  db.prepare('INSERT OR IGNORE INTO signing_key (id, key) VALUES (1, ?)').run(randomBytes(32));
  const row = db.prepare('SELECT key FROM signing_key WHERE id = 1').get() as { key: Buffer };
  return new Uint8Array(row.key);
}
