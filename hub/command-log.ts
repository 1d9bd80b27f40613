// The journal of operator commands, each applied at most once per idempotency key: the command's record and the
// events its handler (hub/commands/) causes are written in one transaction, so a repeated key — a retry after a
// lost answer, a host killed mid-send — gets the first result back and changes nothing.
import type Database from 'better-sqlite3';
import type { CommandResult } from '../src/contract/commands.js';
import type { CommandRequest, Envelope } from '../src/contract/hub-protocol.js';
import { migrate } from '../platform/sqlite/migrate.js';
import { executeCommand } from './commands/command-handlers.js';
import type { EventLog } from './event-log.js';

// The journal's schema (component 'command-log' of the hub's file); a step is never edited once shipped.
const COMMAND_LOG_MIGRATIONS: readonly string[] = [
  // 1: one row per idempotency key. IF NOT EXISTS: files written before versioned migrations hold it already.
  `CREATE TABLE IF NOT EXISTS commands (
     key TEXT PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL, issuer TEXT NOT NULL,
     issued_at INTEGER NOT NULL, result TEXT NOT NULL, applied_at INTEGER NOT NULL)`,
];

export interface CommandOutcome {
  duplicate: boolean;
  result: CommandResult;
  events: Envelope[];
}

export class CommandLog {
  private readonly db: Database.Database;
  private readonly find: Database.Statement<[string], { result: string }>;
  private readonly record: Database.Statement;
  private applied: number;

  constructor(private readonly log: EventLog) {
    this.db = log.database;
    migrate(this.db, 'command-log', COMMAND_LOG_MIGRATIONS);
    this.find = this.db.prepare('SELECT result FROM commands WHERE key = ?');
    this.record = this.db.prepare(
      'INSERT INTO commands (key, name, args, issuer, issued_at, result, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.applied = (this.db.prepare('SELECT COUNT(*) AS n FROM commands').get() as { n: number }).n;
  }

  apply(cmd: CommandRequest, now = Date.now()): CommandOutcome {
    return this.db.transaction((): CommandOutcome => {
      const seen = this.find.get(cmd.key);
      if (seen) return { duplicate: true, result: JSON.parse(seen.result) as CommandResult, events: [] };
      const { result, events } = executeCommand(cmd.name, cmd.args, { log: this.log, issuer: cmd.issuer, now });
      this.record.run(
        cmd.key,
        cmd.name,
        JSON.stringify(cmd.args),
        cmd.issuer,
        cmd.issuedAt,
        JSON.stringify(result),
        now,
      );
      this.applied++;
      return { duplicate: false, result, events };
    })();
  }

  /** Kept in memory, so a closed hub can still report it. */
  count(): number {
    return this.applied;
  }
}
