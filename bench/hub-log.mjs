// Writes a hub event log file straight with better-sqlite3: the schema is the hub's own (openHubDatabaseFile
// creates it), the rows are the bench stream (events.mjs), inserted in large transactions without fsync (a build step, not a
// measured path). The hub's `latest` table (newest offset of every key) is filled when the schema has it.
import Database from 'better-sqlite3';
import { openHubDatabaseFile } from '../dist/hub/hub-database.js';
import { benchEvent } from './events.mjs';

const CHUNK = 50_000;

/**
 * Events i ∈ [0, n) of the bench stream, the i-th at startTime + i·spanMs/n. Returns the heads per topic.
 * Bounded: n rows, one pass.
 */
export function buildHubLog(file, n, { startTime, spanMs }) {
  openHubDatabaseFile(file).close(); // the hub's schema, as the code under test defines it
  const db = new Database(file);
  try {
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      'INSERT INTO events (topic, offset, time, source, key, payload) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const heads = {};
    const latest = new Map();
    const chunk = db.transaction((from, to) => {
      for (let i = from; i < to; i++) {
        const e = benchEvent(i, startTime + Math.floor((i * spanMs) / n));
        const offset = (heads[e.topic] ?? 0) + 1;
        heads[e.topic] = offset;
        insert.run(e.topic, offset, e.time, e.source, e.key, JSON.stringify(e.payload));
        latest.set(`${e.topic}\u0000${e.key}`, offset);
      }
    });
    for (let i = 0; i < n; i += CHUNK) chunk(i, Math.min(n, i + CHUNK));
    const cols = db.prepare("SELECT name FROM pragma_table_info('latest')").pluck().all().sort().join(',');
    if (cols === 'key,offset,topic') {
      const set = db.prepare('INSERT OR REPLACE INTO latest (topic, key, offset) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (const [tk, offset] of latest) {
          const [topic, key] = tk.split('\u0000');
          set.run(topic, key, offset);
        }
      })();
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return heads;
  } finally {
    db.close();
  }
}
