// Applies a component's schema steps in order, each once, recording how many were applied. A stand-in with the
// signature of the shared migration runner (platform/sqlite), which replaces this file when both are merged.
import type Database from 'better-sqlite3';

export function applySchema(db: Database.Database, component: string, steps: readonly string[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_steps (component TEXT PRIMARY KEY, applied INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT applied FROM schema_steps WHERE component = ?').get(component) as
      { applied: number } | undefined;
    const applied = row?.applied ?? 0;
    if (applied > steps.length) throw new Error(`${component}: the database is newer than this program`);
    for (const step of steps.slice(applied)) db.exec(step);
    db.prepare(
      `INSERT INTO schema_steps (component, applied) VALUES (?, ?)
       ON CONFLICT (component) DO UPDATE SET applied = excluded.applied`,
    ).run(component, steps.length);
  }).immediate();
}
