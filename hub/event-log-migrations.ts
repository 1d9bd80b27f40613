// The event log's schema (component 'event-log' of the hub's file), one step per version; a step is never edited
// once shipped.
export const EVENT_LOG_MIGRATIONS: readonly string[] = [
  // 1: events, the latest offset of every key, the floor below which a topic was pruned. IF NOT EXISTS and the
  // back-fill: a file written before versioned migrations already holds these tables, and one written before
  // `latest` existed has events but no latest rows.
  `CREATE TABLE IF NOT EXISTS events (
     topic TEXT NOT NULL, offset INTEGER NOT NULL, time INTEGER NOT NULL,
     source TEXT NOT NULL, key TEXT NOT NULL, payload TEXT NOT NULL,
     PRIMARY KEY (topic, offset)) WITHOUT ROWID;
   CREATE TABLE IF NOT EXISTS latest (
     topic TEXT NOT NULL, key TEXT NOT NULL, offset INTEGER NOT NULL, PRIMARY KEY (topic, key)) WITHOUT ROWID;
   CREATE TABLE IF NOT EXISTS floors (topic TEXT PRIMARY KEY, floor INTEGER NOT NULL);
   INSERT INTO latest (topic, key, offset)
     SELECT topic, key, MAX(offset) FROM events WHERE NOT EXISTS (SELECT 1 FROM latest) GROUP BY topic, key;`,
];
