// What a command's handler is given and gives back. Handlers run inside the journal's transaction
// (hub/command-log.ts), so a command's record and the events it causes are written together, once per key.
import type { CommandName, CommandReason, CommandResult, ParsedCommandArgs } from '../../src/contract/commands.js';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import type { EventLog, NewEvent } from '../event-log.js';
import type { ConnectorReplayer } from '../connectors/connector-replay.js';

export interface CommandContext {
  log: EventLog;
  /** Who issued the command, "user@device": the author of every change it makes. */
  issuer: string;
  /** The same person and console, apart: what an alarm's timeline records. */
  person: string;
  device: string;
  now: number;
  /** The hub's connectors, for the replay of a dead letter. */
  connectors: ConnectorReplayer;
}

export interface Execution {
  result: CommandResult;
  events: Envelope[];
}

type CommandHandler<K extends CommandName> = (args: ParsedCommandArgs<K>, ctx: CommandContext) => Execution;

/** One handler per command of the table: the compiler refuses a command without one. */
export type CommandHandlers = { [K in CommandName]: CommandHandler<K> };

/** Appends the events a command causes, in the issuer's name, and reports it applied. */
export function applied(ctx: CommandContext, message: string, events: Omit<NewEvent, 'source' | 'time'>[]): Execution {
  const source = `operator:${ctx.issuer}`;
  return {
    result: { status: 'applied', message, appliedAt: ctx.now },
    events: ctx.log.append(events.map((e) => ({ ...e, source, time: ctx.now }))),
  };
}

/** Who made a versioned change and when, as its new version records it: the issuer, now. */
export const changeBy = (ctx: CommandContext): { by: string; at: number } => ({ by: ctx.issuer, at: ctx.now });

export function rejected(ctx: CommandContext, reason: CommandReason, message: string): Execution {
  return { result: { status: 'rejected', reason, message, appliedAt: ctx.now }, events: [] };
}
