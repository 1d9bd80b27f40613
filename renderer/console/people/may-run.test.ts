// Role gating of the console's buttons, per command of COMMANDS and per role, against the table the issue gives:
// a viewer reads; an operator and a leader work alerts and the wall's preset; an admin also edits presets and
// the schedule. A command added to COMMANDS without a row here fails the test.
import { describe, expect, it } from 'vitest';
import { type CommandName, COMMANDS } from '../../../src/contract/commands.js';
import type { Person } from '../../../src/contract/people.js';
import { type Role, ROLES } from '../../../src/domain/identity/roles.js';
import { mayRun } from './may-run';

const ROOM = ['operator', 'leader', 'admin'];
const SETUP = ['admin'];
const EXPECTED: Record<CommandName, readonly string[]> = {
  'alarm.acknowledge': ROOM,
  'alarm.shelve': ROOM,
  'alarm.unshelve': ROOM,
  'alarm.note': ROOM,
  'alarm.assign': ROOM,
  'alarm.resolve': ROOM,
  'alarm.removeFromService': SETUP,
  'alarm.returnToService': SETUP,
  'preset.save': SETUP,
  'preset.delete': SETUP,
  'preset.undo': SETUP,
  'wall.activate': ROOM,
  'wall.revertToSchedule': ROOM,
  'wall.setSchedule': SETUP,
  'rule.save': SETUP,
  'rule.delete': SETUP,
  'rule.undo': SETUP,
};

const person = (...roles: Role[]): Person => ({ user: 'u', displayName: 'U', roles, device: 'console-1' });

describe('mayRun', () => {
  it('names every command of COMMANDS', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  for (const role of ROLES) {
    it(`lets a ${role} run exactly what the role table allows`, () => {
      for (const name of Object.keys(COMMANDS) as CommandName[]) {
        expect([name, mayRun(person(role), name)]).toEqual([name, EXPECTED[name].includes(role)]);
      }
    });
  }

  it('takes the union of several roles, and nothing for nobody', () => {
    expect(mayRun(person('viewer', 'admin'), 'preset.save')).toBe(true);
    expect(mayRun(person('viewer', 'operator'), 'preset.save')).toBe(false);
    for (const name of Object.keys(COMMANDS) as CommandName[]) expect(mayRun(null, name)).toBe(false);
  });
});
