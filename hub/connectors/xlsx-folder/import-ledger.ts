// What a drop folder has already imported, kept beside it in `.ioc-wall/imports.sqlite`: the hash of every file
// imported (the same file again publishes nothing) and the value and version of every figure (province, indicator,
// period) published, so a corrected file publishes only what changed, as version N + 1 of those figures.
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from '../../../platform/sqlite/migrate.js';
import { openDatabase } from '../../../platform/sqlite/open-database.js';

const LEDGER_MIGRATIONS: readonly string[] = [
  `CREATE TABLE imported_files (hash TEXT PRIMARY KEY, name TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE TABLE figures (key TEXT PRIMARY KEY, value REAL NOT NULL, version INTEGER NOT NULL, file TEXT NOT NULL);`,
];

export interface LedgerFigure {
  key: string;
  value: number;
  version: number;
}

export class ImportLedger {
  private readonly db: Database.Database;
  private readonly fileByHash: Database.Statement<[string], { name: string; at: number }>;
  private readonly figureByKey: Database.Statement<[string], { value: number; version: number }>;
  private readonly putFile: Database.Statement<[string, string, number]>;
  private readonly putFigure: Database.Statement<[string, number, number, string]>;

  constructor(folder: string) {
    this.db = openDatabase(join(folder, '.ioc-wall', 'imports.sqlite'), { synchronous: 'FULL' });
    migrate(this.db, 'xlsx-import-ledger', LEDGER_MIGRATIONS);
    this.fileByHash = this.db.prepare('SELECT name, at FROM imported_files WHERE hash = ?');
    this.figureByKey = this.db.prepare('SELECT value, version FROM figures WHERE key = ?');
    this.putFile = this.db.prepare('INSERT OR IGNORE INTO imported_files (hash, name, at) VALUES (?, ?, ?)');
    this.putFigure = this.db.prepare(
      `INSERT INTO figures (key, value, version, file) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = excluded.version, file = excluded.file`,
    );
  }

  imported(hash: string): { name: string; at: number } | undefined {
    return this.fileByHash.get(hash);
  }

  figure(key: string): { value: number; version: number } | undefined {
    return this.figureByKey.get(key);
  }

  /** Records figures published (and, with a hash, the file they came from), all or nothing. */
  commit(file: { hash: string; name: string; at: number } | null, figures: readonly LedgerFigure[]): void {
    this.db.transaction(() => {
      if (file) this.putFile.run(file.hash, file.name, file.at);
      for (const f of figures) this.putFigure.run(f.key, f.value, f.version, file?.name ?? 'replay');
    })();
  }

  close(): void {
    this.db.close();
  }
}
