import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { createLogger } from '../../../platform/logger.js';
import { flatRows } from './cache-commit.js';
import { openCacheWriter } from './cache-writer.js';
import { openCache } from './open-cache.js';

const logger = createLogger('test', 'error');
const ev = (offset: number): Envelope => ({
  topic: 'econ.live',
  offset,
  time: 1_000 * offset,
  source: 't',
  key: `k${offset % 3}`,
  payload: { metric: `k${offset % 3}`, value: offset, sourceSystem: 'Cổng Dịch vụ công quốc gia' },
});
const batch = (from: number, to: number): Envelope[] => Array.from({ length: to - from + 1 }, (_, i) => ev(from + i));

describe('the cache writer thread', () => {
  it('commits batches in order with their offsets; after drain another connection sees all of them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ioc-writer-')), 'cache.sqlite');
    const { db } = openCache(file, logger);
    const writer = openCacheWriter(db);
    for (let from = 1; from <= 10_000; from += 1000) writer.write(flatRows(batch(from, from + 999)), 1000);
    writer.drain();
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 10_000 });
    expect(reader.prepare('SELECT offset FROM topic_offsets').get()).toEqual({ offset: 10_000 });
    expect(reader.prepare('SELECT key, offset FROM latest ORDER BY key').all()).toEqual([
      { key: 'k0', offset: 9999 },
      { key: 'k1', offset: 10_000 },
      { key: 'k2', offset: 9998 },
    ]);
    reader.close();
    writer.close();
    db.close();
  });

  it('throws a failed commit to the caller and moves no offset', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ioc-writer-')), 'cache.sqlite');
    const { db } = openCache(file, logger);
    const writer = openCacheWriter(db);
    writer.write(flatRows(batch(1, 10)), 1000);
    writer.drain();
    db.exec('DROP TABLE latest');
    writer.write(flatRows(batch(11, 20)), 1000);
    expect(() => writer.drain()).toThrow(/cache commit failed: .*latest/);
    expect(db.prepare('SELECT offset FROM topic_offsets').get()).toEqual({ offset: 10 });
    expect(db.prepare('SELECT MAX(offset) AS n FROM events').get()).toEqual({ n: 10 });
    writer.close();
    db.close();
  });
});
