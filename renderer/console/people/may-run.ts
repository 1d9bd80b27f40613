// Whether a person may run a command: the roles COMMANDS allows for it (the table the hub checks too). The console
// leaves out the buttons of what the person may not run, rather than showing them disabled.
import { type CommandName, COMMANDS } from '../../../src/contract/commands.js';
import type { Person } from '../../../src/contract/people.js';
import { mayAct } from '../../../src/domain/identity/roles.js';

export function mayRun(person: Person | null, name: CommandName): boolean {
  return person !== null && mayAct(person.roles, COMMANDS[name].roles);
}
