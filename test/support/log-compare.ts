// Reads the hub's log and the host's cache straight from their SQLite files, to compare them event by event.
import Database from 'better-sqlite3';

interface LogRow {
  offset: number;
  key: string;
  payload: string;
}

function rows(file: string, topic: string): LogRow[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT offset, key, payload FROM events WHERE topic = ? ORDER BY offset').all(topic) as LogRow[];
  } finally {
    db.close();
  }
}

/** Per topic: the host's events equal the hub's log, offset by offset, with nothing missing or extra. */
export function diffLogs(hubFile: string, cacheFile: string, topics: readonly string[]): string[] {
  const problems: string[] = [];
  for (const topic of topics) {
    const hub = rows(hubFile, topic);
    const host = rows(cacheFile, topic);
    if (hub.length !== host.length) problems.push(`${topic}: hub has ${hub.length} events, host ${host.length}`);
    const n = Math.min(hub.length, host.length);
    for (let i = 0; i < n; i++) {
      const a = hub[i]!;
      const b = host[i]!;
      if (a.offset !== b.offset || a.key !== b.key || a.payload !== b.payload) {
        problems.push(`${topic}: first difference at index ${i}: hub offset ${a.offset}, host offset ${b.offset}`);
        break;
      }
    }
  }
  return problems;
}

/** Checks a cache left by a killed host: intact, contiguous per topic, offsets committed with their data. */
export function checkCache(cacheFile: string): { problems: string[]; outboxIds: number[]; events: number } {
  const db = new Database(cacheFile, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  try {
    const qc = db.pragma('quick_check', { simple: true });
    if (qc !== 'ok') problems.push(`quick_check: ${String(qc)}`);
    const stats = db
      .prepare('SELECT topic, MIN(offset) AS lo, MAX(offset) AS hi, COUNT(*) AS n FROM events GROUP BY topic')
      .all() as { topic: string; lo: number; hi: number; n: number }[];
    const committed = new Map(
      (db.prepare('SELECT topic, offset FROM topic_offsets').all() as { topic: string; offset: number }[]).map((r) => [
        r.topic,
        r.offset,
      ]),
    );
    let events = 0;
    for (const s of stats) {
      events += s.n;
      if (s.lo !== 1 || s.n !== s.hi - s.lo + 1)
        problems.push(`${s.topic}: events ${s.lo}..${s.hi} but ${s.n} rows (gap)`);
      if (committed.get(s.topic) !== s.hi)
        problems.push(`${s.topic}: committed offset ${committed.get(s.topic)} ≠ data ${s.hi}`);
    }
    const outboxIds = (db.prepare('SELECT id FROM outbox ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    return { problems, outboxIds, events };
  } finally {
    db.close();
  }
}
