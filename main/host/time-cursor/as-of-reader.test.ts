import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { createLogger } from '../../../platform/logger.js';
import { FeedCache } from '../cache/feed-cache.js';
import { openCache } from '../cache/open-cache.js';
import { AsOfReader } from './as-of-reader.js';

const logger = createLogger('test', 'error');
const ev = (offset: number, key: string, value: number): Envelope => ({
  topic: 'econ.live',
  offset,
  time: 1_000 * offset,
  source: 't',
  key,
  payload: { metric: key, value, sourceSystem: 's' },
});

function filledCache(): { cache: FeedCache; reader: AsOfReader } {
  const { db } = openCache(join(mkdtempSync(join(tmpdir(), 'ioc-as-of-')), 'cache.sqlite'), logger);
  const cache = new FeedCache(db, logger);
  cache.apply([ev(1, 'a', 10), ev(2, 'b', 20), ev(3, 'a', 11), ev(4, 'a', 12), ev(5, 'b', 21)]);
  cache.flush();
  return { cache, reader: new AsOfReader(db) };
}

const values = (events: Envelope[]) => events.map((e) => [e.key, (e.payload as { value: number }).value]);

describe('the cache read as of a time', () => {
  it('gives the latest event of every key with time ≤ T', () => {
    const { reader } = filledCache();
    expect(values(reader.latestAt(3_000))).toEqual([
      ['b', 20],
      ['a', 11],
    ]);
    expect(values(reader.latestAt(500))).toEqual([]);
    expect(values(reader.latestAt(10_000))).toEqual([
      ['a', 12],
      ['b', 21],
    ]);
  });

  it('keeps a key’s value at T when its history was pruned but its latest event is not after T', () => {
    const { cache, reader } = filledCache();
    cache.prune(0, 100_000); // all history gone; latest values stay
    expect(reader.heldFrom()).toBeNull();
    expect(values(reader.latestAt(4_500))).toEqual([['a', 12]]);
  });

  it('gives history ending at T, newest kept under the limit', () => {
    const { reader } = filledCache();
    expect(values(reader.history('econ.live', 'a', 0, 3_000, 10))).toEqual([
      ['a', 10],
      ['a', 11],
    ]);
    expect(reader.history('econ.live', undefined, 2_000, 4_000, 2).map((e) => e.offset)).toEqual([3, 4]);
  });

  it('gives the events a replay tick passes over, and the oldest time held', () => {
    const { reader } = filledCache();
    expect(reader.between(2_000, 4_000)?.map((e) => e.offset)).toEqual([3, 4]);
    expect(reader.heldFrom()).toBe(1_000);
  });
});
