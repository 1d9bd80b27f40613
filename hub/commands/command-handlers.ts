// The hub's handler of every command of the table (src/contract/commands.ts), one group per file. Typed as
// CommandHandlers, so a command added to the table does not compile until it has a handler here.
import { type CommandName, commandArgs } from '../../src/contract/commands.js';
import { ALARM_HANDLERS } from './alarm-commands.js';
import type { CommandContext, CommandHandlers, Execution } from './execution.js';
import { PRESET_HANDLERS } from './preset-commands.js';
import { RULE_HANDLERS } from './rule-commands.js';

const COMMAND_HANDLERS: CommandHandlers = { ...ALARM_HANDLERS, ...PRESET_HANDLERS, ...RULE_HANDLERS };

/** Runs a command's handler with its arguments parsed by the table's schema of that command. */
export function executeCommand<K extends CommandName>(name: K, args: unknown, ctx: CommandContext): Execution {
  return COMMAND_HANDLERS[name](commandArgs(name).parse(args), ctx);
}
