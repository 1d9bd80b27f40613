// The command journal's schema (component 'command-log' of the hub's file); a step is never edited once shipped.
export const COMMAND_LOG_MIGRATIONS: readonly string[] = [
  // 1: one row per idempotency key. IF NOT EXISTS: files written before versioned migrations hold it already.
  `CREATE TABLE IF NOT EXISTS commands (
     key TEXT PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL, issuer TEXT NOT NULL,
     issued_at INTEGER NOT NULL, result TEXT NOT NULL, applied_at INTEGER NOT NULL)`,
];
