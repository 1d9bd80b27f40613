import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { createLogger } from '../../../platform/logger.js';
import { FeedCache } from './feed-cache.js';
import { CACHE_MIGRATIONS } from './migrations.js';
import { openCache } from './open-cache.js';

const logger = createLogger('test', 'error');
const ev = (offset: number, key = 'new_businesses_today', value = offset): Envelope => ({
  topic: 'econ.live',
  offset,
  time: 1_000 * offset,
  source: 't',
  key,
  payload: { metric: key, value, sourceSystem: 's' },
});

function tmpFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'ioc-cache-')), 'cache.sqlite');
}

describe('feed cache', () => {
  it('keeps offsets, latest values and history across a reopen', () => {
    const file = tmpFile();
    const a = new FeedCache(openCache(file, logger).db, logger);
    a.apply([ev(1), ev(2, 'public_services_today'), ev(3)]);
    a.flush();
    const b = new FeedCache(openCache(file, logger).db, logger);
    expect(b.offset('econ.live')).toBe(3);
    expect(b.lastEventTime('econ.live')).toBe(3000);
    expect(
      b
        .latest()
        .map((e) => [e.key, e.offset])
        .sort(),
    ).toEqual([
      ['new_businesses_today', 3],
      ['public_services_today', 2],
    ]);
  });

  it('commits nothing that was not flushed, and the offset never runs ahead of the data', () => {
    const file = tmpFile();
    const a = new FeedCache(openCache(file, logger).db, logger, { flushMs: 60_000 });
    a.apply([ev(1)]);
    a.flush();
    a.apply([ev(2)]); // pending, as if the host died now
    const b = new FeedCache(openCache(file, logger).db, logger);
    expect(b.offset('econ.live')).toBe(1);
    expect(b.latest()[0]?.offset).toBe(1);
  });

  it('ignores events it already holds', () => {
    const c = new FeedCache(openCache(tmpFile(), logger).db, logger);
    const seen: number[] = [];
    c.onApplied((es) => seen.push(...es.map((e) => e.offset)));
    c.apply([ev(1), ev(2)]);
    c.apply([ev(2), ev(1), ev(3)]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('upgrades a cache of an older schema in order, keeping its data', () => {
    const file = tmpFile();
    const old = new Database(file);
    old.exec(CACHE_MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old
      .prepare('INSERT INTO topic_offsets (topic, offset, last_event_time) VALUES (?, ?, ?)')
      .run('econ.live', 7, 7000);
    old.close();
    const { db } = openCache(file, logger);
    expect(db.prepare("SELECT version FROM schema_migrations WHERE component = 'cache'").pluck().get()).toBe(
      CACHE_MIGRATIONS.length,
    );
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('meta');
    expect(new FeedCache(db, logger).offset('econ.live')).toBe(7);
  });

  it('moves a corrupt cache aside, keeps it, and starts a new one', () => {
    const file = tmpFile();
    writeFileSync(file, 'this is not a database, but somebody may need it'.repeat(200));
    const { db, movedAside } = openCache(file, logger);
    expect(movedAside).not.toBeNull();
    expect(existsSync(movedAside!)).toBe(true);
    const cache = new FeedCache(db, logger);
    expect(cache.offset('econ.live')).toBe(0);
    expect(readdirSync(join(file, '..')).some((f) => f.includes('.corrupt-'))).toBe(true);
  });
});
