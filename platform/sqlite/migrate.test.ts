import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openDatabase } from './open-database.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'ioc-migrate-')), 'store.sqlite');
const versions = (db: Database.Database) =>
  Object.fromEntries(
    (
      db.prepare('SELECT component, version FROM schema_migrations').all() as { component: string; version: number }[]
    ).map((r) => [r.component, r.version]),
  );
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

const A1 = 'CREATE TABLE a (x INTEGER)';
const A2 = 'ALTER TABLE a ADD COLUMN y TEXT';
const B1 = 'CREATE TABLE b (z TEXT)';

describe('migrate', () => {
  it('keeps several components in one file, each at its own version, and runs each step once', () => {
    const f = file();
    const db = openDatabase(f, { synchronous: 'NORMAL' });
    migrate(db, 'alpha', [A1]);
    migrate(db, 'beta', [B1]);
    db.prepare('INSERT INTO a (x) VALUES (1)').run();
    db.close();

    const again = openDatabase(f, { synchronous: 'NORMAL' });
    migrate(again, 'alpha', [A1, A2]); // only step 2 runs: step 1 again would fail (table a exists)
    migrate(again, 'beta', [B1]);
    expect(versions(again)).toEqual({ alpha: 2, beta: 1 });
    expect(again.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 1, y: null }]);
    expect(tables(again)).toEqual(['a', 'b', 'schema_migrations']);
    again.close();
  });

  it('refuses a schema newer than it knows, with a clear error, and changes nothing', () => {
    const db = openDatabase(file(), { synchronous: 'NORMAL' });
    migrate(db, 'alpha', [A1, A2]);
    expect(() => migrate(db, 'alpha', [A1])).toThrow(
      /alpha schema .* is version 2, written by a newer IOC Wall.*up to 1/,
    );
    expect(versions(db)).toEqual({ alpha: 2 });
  });

  it('applies a failing run not at all: its earlier steps and the version are rolled back', () => {
    const db = openDatabase(file(), { synchronous: 'NORMAL' });
    expect(() => migrate(db, 'alpha', [A1, 'CREATE TABLE broken ('])).toThrow(/step 2 of the alpha schema failed/);
    expect(tables(db)).toEqual([]);
  });

  it('takes PRAGMA user_version as the version of a component that asks, when it has no row yet', () => {
    const f = file();
    const old = new Database(f);
    old.exec(A1);
    old.pragma('user_version = 1');
    old.close();

    const db = openDatabase(f, { synchronous: 'NORMAL' });
    migrate(db, 'beta', [B1]); // another component of the file does not claim user_version
    migrate(db, 'alpha', [A1, A2], { adoptUserVersion: true });
    expect(versions(db)).toEqual({ alpha: 2, beta: 1 });
    expect(db.prepare('SELECT y FROM a').all()).toEqual([]);
  });

  it('refuses a user_version newer than it knows', () => {
    const f = file();
    const old = new Database(f);
    old.pragma('user_version = 7');
    old.close();
    const db = openDatabase(f, { synchronous: 'NORMAL' });
    expect(() => migrate(db, 'alpha', [A1], { adoptUserVersion: true })).toThrow(/version 7, written by a newer/);
    expect(tables(db)).toEqual([]);
  });

  it('refuses a component name that is not a plain identifier', () => {
    const db = openDatabase(null, { synchronous: 'NORMAL' });
    expect(() => migrate(db, "x'; DROP TABLE a; --", [A1])).toThrow(/invalid component name/);
  });
});
