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
  'alarm.acknowledge': 'operator leader admin',
  'alarm.shelve': 'operator leader admin',
  'alarm.unshelve': 'operator leader admin',
  'alarm.note': 'operator leader admin',
  'alarm.assign': 'operator leader admin',
  'alarm.resolve': 'operator leader admin',
  'alarm.removeFromService': 'admin',
  'alarm.returnToService': 'admin',
  'wall.activate': 'operator leader admin',
  'wall.revertToSchedule': 'operator leader admin',
  'preset.save': 'admin',
  'preset.delete': 'admin',
  'preset.undo': 'admin',
  'wall.setSchedule': 'admin',
  'rule.save': 'admin',
  'rule.delete': 'admin',
  'rule.undo': 'admin',
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
    expect(commandArgs('alarm.note').safeParse({ alarmId: 'a-1', text: '  ' }).success).toBe(false);
    expect(commandArgs('alarm.acknowledge').safeParse({ alarmIds: [] }).success).toBe(false);
    expect(commandArgs('alarm.shelve').safeParse({ alarmId: 'a-1', minutes: 0, reason: 'x' }).success).toBe(false);
  });

  it('types arguments by command name', () => {
    expectTypeOf<CommandArgs<'wall.activate'>>().toEqualTypeOf<{ presetId: string }>();
    expectTypeOf<CommandArgs<'alarm.note'>>().toEqualTypeOf<{ alarmId: string; text: string }>();
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
