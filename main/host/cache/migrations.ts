// The cache's schema (component 'cache'), one step per version. A step is never edited once shipped; a change is
// a new step, so a wall PC that missed releases upgrades in order.
export const CACHE_MIGRATIONS: readonly string[] = [
  // 1: feed state, latest values, history, outbox, meta
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE topic_offsets (
     topic TEXT PRIMARY KEY, offset INTEGER NOT NULL, last_event_time INTEGER);
   CREATE TABLE latest (
     topic TEXT NOT NULL, key TEXT NOT NULL, offset INTEGER NOT NULL, time INTEGER NOT NULL,
     source TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (topic, key)) WITHOUT ROWID;
   CREATE TABLE events (
     topic TEXT NOT NULL, offset INTEGER NOT NULL, time INTEGER NOT NULL, source TEXT NOT NULL,
     key TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (topic, offset)) WITHOUT ROWID;
   CREATE INDEX events_by_time ON events (topic, time);
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT, idem_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
     args TEXT NOT NULL, created_at INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
     result TEXT, updated_at INTEGER NOT NULL);`,
  // 2: meta was never read or written
  `DROP TABLE meta;`,
  // 3: the access token of the person who made each action, sent with it so the hub knows who acted (NULL: made
  // before people logged in; the hub refuses it, and it is shown as failed)
  `ALTER TABLE outbox ADD COLUMN session TEXT;`,
];
