import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/logger.js';
import { OutboxItem } from '../../../src/contract/bridge.js';
import { FeedCache } from './feed-cache.js';
import { CACHE_MIGRATIONS } from './migrations.js';
import { openCache } from './open-cache.js';
import { Outbox } from './outbox.js';

const logger = createLogger('test', 'error');
const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'ioc-cache-')), 'cache.sqlite');

/** A cache as openCache wrote it before schema_migrations: its steps, the version in PRAGMA user_version. */
function writeUnversionedCache(file: string, userVersion: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(CACHE_MIGRATIONS[0]!);
  db.pragma(`user_version = ${userVersion}`);
  db.prepare('INSERT INTO topic_offsets VALUES (?, ?, ?)').run('econ.live', 4, 4000);
  const payload = JSON.stringify({ metric: 'k', value: 4, sourceSystem: 's' });
  db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)').run('econ.live', 4, 4000, 's', 'k', payload);
  db.prepare('INSERT INTO latest VALUES (?, ?, ?, ?, ?, ?)').run('econ.live', 'k', 4, 4000, 's', payload);
  db.prepare(
    `INSERT INTO outbox (idem_key, name, args, created_at, state, attempts, updated_at)
     VALUES ('key-1', 'alert.note', '{"alertId":"a","note":"n"}', 1, 'queued', 0, 1)`,
  ).run();
  // Answered before rejections carried a reason.
  db.prepare(
    `INSERT INTO outbox (idem_key, name, args, created_at, state, attempts, updated_at, result)
     VALUES ('key-0', 'alert.resolve', '{"alertId":"a"}', 0, 'done', 1, 1,
             '{"status":"rejected","message":"alert a is already resolved","appliedAt":1}')`,
  ).run();
  db.close();
}

describe('opening a cache written before schema_migrations', () => {
  it('takes its user_version as the cache version and keeps feed state and queued actions', () => {
    const file = tmpFile();
    writeUnversionedCache(file, 1);
    const { db, movedAside } = openCache(file, logger);
    expect(movedAside).toBeNull();
    expect(db.prepare('SELECT component, version FROM schema_migrations').all()).toEqual([
      { component: 'cache', version: CACHE_MIGRATIONS.length },
    ]);
    const cache = new FeedCache(db, logger);
    expect(cache.offset('econ.live')).toBe(4);
    expect(cache.latest().map((e) => [e.key, e.offset, e.payload])).toEqual([
      ['k', 4, { metric: 'k', value: 4, sourceSystem: 's' }],
    ]);
    expect(cache.history('econ.live', 'k', 0, 10)).toHaveLength(1);
    const outbox = new Outbox(db, logger);
    expect(outbox.list().map((i) => [i.key, i.state])).toEqual([
      ['key-0', 'done'],
      ['key-1', 'queued'],
    ]);
    // A stored rejection without a reason still reads as a command result; the queued item has no session yet.
    expect(OutboxItem.parse(outbox.list()[0]).result).toMatchObject({ status: 'rejected', reason: 'invalid-state' });
    expect(db.prepare("SELECT session FROM outbox WHERE idem_key = 'key-1'").get()).toEqual({ session: null });
    cache.close();
    outbox.close();
    db.close();
  });

  it('refuses a cache of a newer schema with a clear error and leaves the file as it was', () => {
    const file = tmpFile();
    writeUnversionedCache(file, CACHE_MIGRATIONS.length + 1);
    expect(() => openCache(file, logger)).toThrow(
      new RegExp(`cache schema .* is version ${CACHE_MIGRATIONS.length + 1}, written by a newer IOC Wall`),
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(CACHE_MIGRATIONS.length + 1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 2 });
    db.close();
  });
});
