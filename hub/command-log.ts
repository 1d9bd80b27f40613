// The journal of operator commands, each applied at most once per idempotency key: the command's record, the
// events its handler (hub/commands/) causes and its audit row are written in one transaction, so a repeated key —
// a retry after a lost answer, a host killed mid-send — gets the first result back and changes nothing.
import type Database from 'better-sqlite3';
import { type CommandResult, readStoredCommandResult } from '../src/contract/commands.js';
import type { CommandRequest, Envelope } from '../src/contract/hub-protocol.js';
import { executeCommand } from './commands/command-handlers.js';
import { rejected } from './commands/execution.js';
import type { EventLog } from './event-log.js';
import { type ConnectorReplayer, NO_CONNECTORS } from './connectors/connector-replay.js';

export interface CommandOutcome {
  duplicate: boolean;
  result: CommandResult;
  events: Envelope[];
}

/** Who a command is applied for, as the hub established it (never what the client said). */
export interface CommandActor {
  /** "user@device": the author of every change the command makes. */
  issuer: string;
  person: string;
  device: string;
  /** Whether the person's roles allow this command; if not, it is recorded as rejected ('forbidden'). */
  allowed: boolean;
  /** Writes the command's audit row, inside the command's transaction. */
  audit(result: CommandResult): void;
}

export class CommandLog {
  private readonly db: Database.Database;
  private readonly find: Database.Statement<[string], { result: string }>;
  private readonly record: Database.Statement;
  private applied: number;

  constructor(
    private readonly log: EventLog,
    private readonly connectors: ConnectorReplayer = NO_CONNECTORS,
  ) {
    this.db = log.database;
    this.find = this.db.prepare('SELECT result FROM commands WHERE key = ?');
    this.record = this.db.prepare(
      'INSERT INTO commands (key, name, args, issuer, issued_at, result, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.applied = (this.db.prepare('SELECT COUNT(*) AS n FROM commands').get() as { n: number }).n;
  }

  apply(cmd: CommandRequest, actor: CommandActor, now = Date.now()): CommandOutcome {
    return this.db
      .transaction((): CommandOutcome => {
        const seen = this.find.get(cmd.key);
        // A repeat is the same action delivered again: its audit row was written the first time.
        if (seen) return { duplicate: true, result: readStoredCommandResult(seen.result), events: [] };
        const ctx = {
          log: this.log,
          issuer: actor.issuer,
          person: actor.person,
          device: actor.device,
          now,
          connectors: this.connectors,
        };
        const { result, events } = actor.allowed
          ? this.log.asCommand(cmd.key, () => executeCommand(cmd.name, cmd.args, ctx))
          : rejected(ctx, 'forbidden', `${actor.issuer} may not ${cmd.name}: the person's roles do not allow it`);
        this.record.run(
          cmd.key,
          cmd.name,
          JSON.stringify(cmd.args),
          actor.issuer,
          cmd.issuedAt,
          JSON.stringify(result),
          now,
        );
        actor.audit(result);
        this.applied++;
        return { duplicate: false, result, events };
      })
      .immediate();
  }

  /** Kept in memory, so a closed hub can still report it. */
  count(): number {
    return this.applied;
  }
}
