import { closeSync, existsSync, mkdtempSync, openSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/logger.js';
import { CacheIntegrity, damagedMarker } from './cache-integrity.js';
import { FeedCache } from './feed-cache.js';
import { openCache } from './open-cache.js';

const logger = createLogger('test', 'error');
const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'ioc-integrity-')), 'cache.sqlite');

/** A cache of `n` events of two keys: its history spans many pages, its latest values one. */
function writeCache(file: string, n: number): void {
  const { db } = openCache(file, logger);
  const cache = new FeedCache(db, logger);
  const events = Array.from({ length: n }, (_, i) => ({
    topic: 'econ.live' as const,
    offset: i + 1,
    time: 1_700_000_000_000 + i,
    source: 'test',
    key: `k${i % 2}`,
    payload: { metric: `k${i % 2}`, value: i, sourceSystem: 'một hệ thống '.repeat(8) },
  }));
  cache.apply(events);
  cache.close();
  db.close();
}

/** Garbage over a page of the history (70 % into the file): the start tables still read, the check fails. */
function damageHistory(file: string): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor((statSync(file).size * 0.7) / 4096) * 4096);
  closeSync(fd);
}

describe('the deferred cache check', () => {
  it('says ok for a sound cache and leaves it alone', async () => {
    const file = tmpFile();
    writeCache(file, 2000);
    const integrity = new CacheIntegrity(file, logger);
    expect(integrity.status.state).toBe('pending');
    let damaged = false;
    await integrity.check(() => (damaged = true));
    expect(integrity.status).toEqual({ state: 'ok', detail: null });
    expect(damaged).toBe(false);
    expect(existsSync(damagedMarker(file))).toBe(false);
  });

  it('marks a damaged cache, stops the host, and the next start moves it aside for a new one', async () => {
    const file = tmpFile();
    writeCache(file, 20_000);
    damageHistory(file);
    // The start path still opens it (only the full check finds the damage)…
    const first = openCache(file, logger);
    expect(first.movedAside).toBeNull();
    expect(new FeedCache(first.db, logger).offset('econ.live')).toBe(20_000);
    const integrity = new CacheIntegrity(file, logger);
    let stopped: string | null = null;
    await integrity.check((detail) => (stopped = detail));
    first.db.close();
    expect(integrity.status.state).toBe('failed');
    expect(stopped).toBe(integrity.status.detail);
    expect(existsSync(damagedMarker(file))).toBe(true);
    // …and the next start never serves from it again.
    const next = openCache(file, logger);
    expect(next.movedAside).not.toBeNull();
    expect(existsSync(next.movedAside!)).toBe(true);
    expect(existsSync(damagedMarker(file))).toBe(false);
    expect(new FeedCache(next.db, logger).offset('econ.live')).toBe(0);
    next.db.close();
  });

  it('acts on nothing once the host has stopped', async () => {
    const file = tmpFile();
    writeCache(file, 20_000);
    damageHistory(file);
    const integrity = new CacheIntegrity(file, logger);
    const checking = integrity.check(() => {
      throw new Error('must not be called');
    });
    integrity.stop();
    await checking;
    expect(integrity.status.state).toBe('pending');
    expect(existsSync(damagedMarker(file))).toBe(false);
  });
});
