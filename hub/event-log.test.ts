import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandLog } from './command-log.js';
import { EventLog, type NewEvent } from './event-log.js';
import { openHubDatabaseFile } from './hub-database.js';

const live = (i: number, key: string): NewEvent => ({
  topic: 'econ.live',
  key,
  source: 't',
  time: 1_000 * i,
  payload: { metric: key, value: i, sourceSystem: 's' },
});
const KEYS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'];

function filled(n: number): EventLog {
  const log = new EventLog(openHubDatabaseFile(null));
  log.append(Array.from({ length: n }, (_, i) => live(i + 1, KEYS[i % 3]!)));
  return log;
}

describe('event log', () => {
  it('numbers events of a topic 1, 2, 3, … and reads them back in order', () => {
    const log = filled(10);
    expect(log.head('econ.live')).toBe(10);
    expect(log.read('econ.live', 4, 3).map((e) => e.offset)).toEqual([5, 6, 7]);
    expect(log.head('gov.tasks')).toBe(0);
  });

  it('keeps the latest event of every key as the snapshot', () => {
    const log = filled(10);
    expect(log.snapshot('econ.live').map((e) => [e.key, e.offset])).toEqual(
      [
        ['new_businesses_today', 10],
        ['public_services_today', 8],
        ['documents_processed_today', 9],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    expect(log.latestOf('econ.live', 'public_services_today')?.offset).toBe(8);
  });

  it('prunes by count and age but never the latest of a key, and raises the floor', () => {
    const log = filled(100);
    expect(log.prune('econ.live', { maxAgeMs: 1e12, maxEvents: 30 }, 200_000)).toBe(70);
    expect(log.floor('econ.live')).toBe(71);
    expect(log.read('econ.live', 0, 1000).map((e) => e.offset)[0]).toBe(71);
    // Events at 90 s and later are younger than 10 s at t = 100 s.
    expect(log.prune('econ.live', { maxAgeMs: 10_000, maxEvents: 1000 }, 100_000)).toBe(19);
    expect(log.floor('econ.live')).toBe(90);
    expect(log.snapshot('econ.live')).toHaveLength(3);
    // Nothing is pruned twice, and a head that stays keeps its latest events.
    expect(log.prune('econ.live', { maxAgeMs: 0, maxEvents: 1 }, 1e9)).toBe(8);
    expect(log.read('econ.live', 0, 1000).map((e) => e.offset)).toEqual([98, 99, 100]);
    expect(log.head('econ.live')).toBe(100);
  });
});

// A hub log as EventLog and CommandLog wrote it before versioned migrations: their inline DDL, verbatim.
function writeUnversionedLog(file: string, withLatest: boolean): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS events (
      topic TEXT NOT NULL, offset INTEGER NOT NULL, time INTEGER NOT NULL,
      source TEXT NOT NULL, key TEXT NOT NULL, payload TEXT NOT NULL,
      PRIMARY KEY (topic, offset)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS latest (
        topic TEXT NOT NULL, key TEXT NOT NULL, offset INTEGER NOT NULL, PRIMARY KEY (topic, key)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS floors (topic TEXT PRIMARY KEY, floor INTEGER NOT NULL)`);
  db.exec(`CREATE TABLE IF NOT EXISTS commands (
      key TEXT PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL, issuer TEXT NOT NULL,
      issued_at INTEGER NOT NULL, result TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const insert = db.prepare('INSERT INTO events (topic, offset, time, source, key, payload) VALUES (?, ?, ?, ?, ?, ?)');
  // Offsets 1 and 2 were pruned (floor 3); the latest of every key stays.
  for (let i = 3; i <= 9; i++) {
    const e = live(i, KEYS[i % 3]!);
    insert.run(e.topic, i, e.time, e.source, e.key, JSON.stringify(e.payload));
  }
  db.prepare("INSERT INTO floors (topic, floor) VALUES ('econ.live', 3)").run();
  if (withLatest) {
    db.exec('INSERT INTO latest SELECT topic, key, MAX(offset) FROM events GROUP BY topic, key');
  }
  db.prepare('INSERT INTO commands VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    'k1',
    'alert.note',
    '{}',
    'op',
    1,
    '{"status":"applied","message":"m","appliedAt":1}',
    1,
  );
  db.close();
}

function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      ['events', 'latest', 'floors', 'commands'].map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
    );
  } finally {
    db.close();
  }
}

describe('event log written before versioned migrations', () => {
  const tmpLog = () => join(mkdtempSync(join(tmpdir(), 'ioc-hub-log-')), 'hub-events.sqlite');

  it('opens as version 1 of the event log and the command log, with every row kept', () => {
    const file = tmpLog();
    writeUnversionedLog(file, true);
    const before = dump(file);
    const db = openHubDatabaseFile(file);
    const commands = new CommandLog(new EventLog(db));
    expect(commands.count()).toBe(1);
    expect(db.prepare('SELECT component, version FROM schema_migrations ORDER BY component').all()).toEqual([
      { component: 'audit', version: 1 },
      { component: 'command-log', version: 1 },
      { component: 'dead-letters', version: 1 },
      { component: 'event-log', version: 1 },
      { component: 'identity', version: 1 },
    ]);
    db.close();
    expect(dump(file)).toEqual(before);
  });

  it('derives the latest event of every key when the file has none, and goes on from its head', () => {
    const file = tmpLog();
    writeUnversionedLog(file, false);
    const db = openHubDatabaseFile(file);
    const log = new EventLog(db);
    expect(log.snapshot('econ.live').map((e) => [e.key, e.offset])).toEqual([
      ['public_services_today', 7],
      ['documents_processed_today', 8],
      ['new_businesses_today', 9],
    ]);
    expect(log.floor('econ.live')).toBe(3);
    expect(log.head('econ.live')).toBe(9);
    expect(log.append([live(10, KEYS[0]!)])[0]?.offset).toBe(10);
    db.close();
    // Reopened: the migration is not run again, the latest values are the log's own.
    const db2 = openHubDatabaseFile(file);
    const reopened = new EventLog(db2);
    expect(reopened.latestOf('econ.live', KEYS[0]!)?.offset).toBe(10);
    expect(reopened.snapshot('econ.live')).toHaveLength(3);
    db2.close();
  });
});
