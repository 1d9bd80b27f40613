// The baseline every cache figure is compared with: a plain better-sqlite3 loop writing the same rows into the
// cache's own schema (openCache) with FeedCache's SQL, in transactions of 5,000 rows, nothing else.
import { createLogger } from '../dist/platform/logger.js';
import { openCache } from '../dist/main/host/cache/open-cache.js';
import { benchEvent } from './events.mjs';

/** FeedCache's default commit size. */
export const PLAIN_BATCH = 5000;
const logger = createLogger('bench', 'error');

/** Events i ∈ [from, to) as the host receives them, offsets continuing `heads` (updated in place). */
export function envelopesFrom(from, to, heads, startTime, spanMs, total) {
  const out = new Array(to - from);
  for (let i = from; i < to; i++) {
    const e = benchEvent(i, startTime + Math.floor((i * spanMs) / total));
    const offset = (heads[e.topic] ?? 0) + 1;
    heads[e.topic] = offset;
    out[i - from] = { ...e, offset };
  }
  return out;
}

/**
 * Writes the batches `nextBatch()` returns (undefined: done) into a new cache at `file`; returns the ms spent in
 * the transactions alone (making the rows is not timed, so a long run need not hold them all in memory).
 */
export function plainLoop(file, nextBatch) {
  const db = openCache(file, logger).db;
  const insertEvent = db.prepare(
    'INSERT OR IGNORE INTO events (topic, offset, time, source, key, payload) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upsertLatest = db.prepare(
    `INSERT INTO latest (topic, key, offset, time, source, payload) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (topic, key) DO UPDATE SET offset = excluded.offset, time = excluded.time,
       source = excluded.source, payload = excluded.payload WHERE excluded.offset > latest.offset`,
  );
  const upsertOffset = db.prepare(
    `INSERT INTO topic_offsets (topic, offset, last_event_time) VALUES (?, ?, ?)
     ON CONFLICT (topic) DO UPDATE SET offset = excluded.offset, last_event_time = excluded.last_event_time`,
  );
  const commit = db.transaction((batch) => {
    const last = new Map();
    for (const e of batch) {
      const payload = JSON.stringify(e.payload);
      insertEvent.run(e.topic, e.offset, e.time, e.source, e.key, payload);
      upsertLatest.run(e.topic, e.key, e.offset, e.time, e.source, payload);
      last.set(e.topic, e);
    }
    for (const [topic, e] of last) upsertOffset.run(topic, e.offset, e.time);
  });
  let ms = 0;
  for (let batch = nextBatch(); batch; batch = nextBatch()) {
    const t0 = performance.now();
    commit(batch);
    ms += performance.now() - t0;
  }
  db.close();
  return ms;
}

/** The plain loop over an array of rows. */
export function plainLoopOf(file, rows) {
  let i = 0;
  return plainLoop(file, () => {
    if (i >= rows.length) return undefined;
    const batch = rows.slice(i, i + PLAIN_BATCH);
    i += PLAIN_BATCH;
    return batch;
  });
}
