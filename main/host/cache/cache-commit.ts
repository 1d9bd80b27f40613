// The cache's batch commit: every event row, the latest row of each key once, each topic's offset, in one
// transaction — so a topic's committed offset never runs ahead of its rows (no gap after a crash) and a row already
// held is ignored (nothing twice). Run by the writer thread (cache-writer.ts) from this function's own source.
import type Database from 'better-sqlite3';
import type { Envelope } from '../../../src/contract/hub-protocol.js';

/**
 * A batch's rows, flat: six values an event in EVENT_COLUMNS order (topic, offset, time, source, key, payload
 * text). One array of strings and numbers crosses to the writer thread cheaply; an object per row would not.
 */
export type FlatRows = (string | number)[];

export function flatRows(events: readonly Envelope[]): FlatRows {
  const rows: FlatRows = [];
  for (const e of events) rows.push(e.topic, e.offset, e.time, e.source, e.key, JSON.stringify(e.payload));
  return rows;
}

/**
 * Prepares the commit on `db`. Self-contained (no imports, no outer names, no helper functions): the writer thread
 * is given `prepareCommit.toString()`. `checkpointPages`: WAL pages between checkpoints for this batch.
 */
export function prepareCommit(db: Database.Database): (rows: FlatRows, checkpointPages: number) => void {
  const insertEvent = db.prepare(
    'INSERT OR IGNORE INTO events (topic, offset, time, source, key, payload) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upsertLatest = db.prepare(
    `INSERT INTO latest (topic, offset, time, source, key, payload) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (topic, key) DO UPDATE SET offset = excluded.offset, time = excluded.time,
       source = excluded.source, payload = excluded.payload WHERE excluded.offset > latest.offset`,
  );
  const upsertOffset = db.prepare(
    `INSERT INTO topic_offsets (topic, offset, last_event_time) VALUES (?, ?, ?)
     ON CONFLICT (topic) DO UPDATE SET offset = excluded.offset, last_event_time = excluded.last_event_time`,
  );
  let pages = 0;
  const commit = db.transaction((rows: FlatRows) => {
    // A batch often updates the same key many times (a live counter): its latest row is written once.
    const lastOfKey = new Map<string, number>();
    const lastOfTopic = new Map<unknown, number>();
    for (let i = 0; i < rows.length; i += 6) {
      insertEvent.run(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], rows[i + 4], rows[i + 5]);
      lastOfKey.set(`${rows[i]}\u0000${rows[i + 4]}`, i);
      lastOfTopic.set(rows[i], i);
    }
    for (const i of lastOfKey.values()) {
      upsertLatest.run(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], rows[i + 4], rows[i + 5]);
    }
    for (const [topic, i] of lastOfTopic) upsertOffset.run(topic, rows[i + 1], rows[i + 2]);
  });
  return (rows, checkpointPages) => {
    if (checkpointPages !== pages) {
      db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
      pages = checkpointPages;
    }
    commit(rows);
  };
}
