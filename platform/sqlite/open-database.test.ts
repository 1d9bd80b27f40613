import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durably } from './durably.js';
import { openDatabase } from './open-database.js';

const FULL = 2;
const NORMAL = 1;

describe('openDatabase', () => {
  it('creates the folder and opens with WAL, foreign keys and the asked durability', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ioc-open-')), 'a', 'b', 'store.sqlite');
    const db = openDatabase(file, { synchronous: 'FULL' });
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe('durably', () => {
  it('runs the write at FULL and gives the connection its level back, also when the write throws', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'ioc-open-')), 'store.sqlite'), {
      synchronous: 'NORMAL',
    });
    expect(durably(db, () => db.pragma('synchronous', { simple: true }))).toBe(FULL);
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    expect(() =>
      durably(db, () => {
        throw new Error('write failed');
      }),
    ).toThrow('write failed');
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
  });

  it('refuses to run inside a transaction, where SQLite cannot change the level', () => {
    const db = openDatabase(null, { synchronous: 'NORMAL' });
    expect(() => db.transaction(() => durably(db, () => 1))()).toThrow(/outside a transaction/);
  });
});
