import { describe, expect, expectTypeOf, it } from 'vitest';
import { mayAct, ROLES } from '../domain/identity/roles.js';
import {
  COMMANDS,
  type CommandArgs,
  CommandName,
  CommandResult,
  commandArgs,
  type ParsedCommandArgs,
} from './commands.js';

/** Who may run what, as the identity issue sets it: written out here, not derived from the table. */
const ALLOWED: Record<CommandName, string> = {
  'alert.acknowledge': 'operator leader admin',
  'alert.resolve': 'operator leader admin',
  'alert.note': 'operator leader admin',
  'wall.activate': 'operator leader admin',
  'wall.revertToSchedule': 'operator leader admin',
  'wall.setPrivacy': 'operator leader admin',
  'preset.save': 'admin',
  'preset.delete': 'admin',
  'preset.undo': 'admin',
  'wall.setSchedule': 'admin',
};

describe('command table', () => {
  it('lets each role run exactly the commands the role table gives it; a viewer none', () => {
    for (const name of CommandName.options) {
      for (const role of ROLES) {
        expect([name, role, mayAct([role], COMMANDS[name].roles)]).toEqual([
          name,
          role,
          ALLOWED[name].split(' ').includes(role),
        ]);
      }
    }
  });

  it('checks arguments with the schema of the command named', () => {
    expect(commandArgs('wall.activate').safeParse({ presetId: 'giao-ban-sang' }).success).toBe(true);
    expect(commandArgs('wall.activate').safeParse({ alertId: 'a-1' }).success).toBe(false);
    expect(commandArgs('alert.note').safeParse({ alertId: 'a-1', note: '' }).success).toBe(false);
  });

  it('types arguments by command name', () => {
    expectTypeOf<CommandArgs<'wall.activate'>>().toEqualTypeOf<{ presetId: string }>();
    expectTypeOf<CommandArgs<'alert.note'>>().toEqualTypeOf<{ alertId: string; note: string }>();
    expectTypeOf<ParsedCommandArgs<'wall.revertToSchedule'>>().toEqualTypeOf<Record<string, never>>();
  });

  it('a rejection carries a reason; an applied result needs none', () => {
    const at = 1;
    expect(CommandResult.safeParse({ status: 'applied', message: 'ok', appliedAt: at }).success).toBe(true);
    expect(CommandResult.safeParse({ status: 'rejected', message: 'no', appliedAt: at }).success).toBe(false);
    const rejected = { status: 'rejected', reason: 'conflict', message: 'conflict: …', appliedAt: at };
    expect(CommandResult.parse(rejected)).toEqual(rejected);
  });
});
