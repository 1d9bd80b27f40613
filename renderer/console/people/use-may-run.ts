// The one place the console asks whether the person logged in on this page may run a command.
import type { CommandName } from '../../../src/contract/commands.js';
import { useSessionSnapshot } from '../../state/session-context';
import { mayRun } from './may-run';

export function useMayRun(name: CommandName): boolean {
  return mayRun(useSessionSnapshot().person, name);
}
