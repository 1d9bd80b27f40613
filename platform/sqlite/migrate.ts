// Versioned schemas, one sequence of steps per component, so several parts of the app can keep their tables in one
// SQLite file (the hub's file holds its event log, its command journal and more) and each upgrades on its own.
// A step is never edited once shipped; a change is a new step, so a file that missed releases upgrades in order.
import type Database from 'better-sqlite3';

export interface MigrateOptions {
  /**
   * The component kept its version in PRAGMA user_version before schema_migrations existed: with no row of its
   * own, it is taken to be at that version. Only one component of a file may say so (there is one user_version).
   */
  adoptUserVersion?: boolean;
}

/** Brings `component` up to `steps.length`, all pending steps in one transaction; refuses a newer schema. */
export function migrate(
  db: Database.Database,
  component: string,
  steps: readonly string[],
  options: MigrateOptions = {},
): void {
  if (!/^[a-z][a-z0-9-]*$/.test(component)) throw new Error(`invalid component name ${JSON.stringify(component)}`);
  // IMMEDIATE: two processes opening the same file cannot both read version N and both run step N + 1.
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM schema_migrations WHERE component = ?').get(component) as
      { version: number } | undefined;
    const from =
      row?.version ?? (options.adoptUserVersion ? (db.pragma('user_version', { simple: true }) as number) : 0);
    if (from > steps.length) {
      throw new Error(
        `the ${component} schema of ${db.name} is version ${from}, written by a newer IOC Wall; this one knows up to ${steps.length}`,
      );
    }
    if (row && from === steps.length) return;
    for (let v = from; v < steps.length; v++) {
      try {
        db.exec(steps[v]!);
      } catch (err) {
        throw new Error(`step ${v + 1} of the ${component} schema failed on ${db.name}: ${String(err)}`, {
          cause: err,
        });
      }
    }
    db.prepare(
      `INSERT INTO schema_migrations (component, version) VALUES (?, ?)
       ON CONFLICT (component) DO UPDATE SET version = excluded.version`,
    ).run(component, steps.length);
  }).immediate();
}
