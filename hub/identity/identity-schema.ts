// Tables of the people and devices a hub knows, their login failures and sessions. Steps are applied in order,
// once each; a change to the schema is a new step at the end, never an edit of a step already shipped.
export const IDENTITY_MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (
     name TEXT PRIMARY KEY,
     display_name TEXT NOT NULL,
     roles TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL);
   CREATE TABLE devices (
     name TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('wall', 'console')),
     secret_hash TEXT NOT NULL,
     revoked INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL);
   CREATE TABLE login_failures (
     name TEXT PRIMARY KEY,
     failures INTEGER NOT NULL,
     locked_until INTEGER NOT NULL,
     last_failure_at INTEGER NOT NULL);
   CREATE INDEX login_failures_age ON login_failures (last_failure_at);
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     user TEXT NOT NULL,
     device TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER,
     revoke_reason TEXT);
   CREATE INDEX sessions_user ON sessions (user);
   CREATE INDEX sessions_device ON sessions (device);
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE TABLE refresh_tokens (
     hash TEXT PRIMARY KEY,
     session_id TEXT NOT NULL,
     issued_at INTEGER NOT NULL,
     used_at INTEGER);
   CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);
   CREATE TABLE signing_key (id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL);`,
];
