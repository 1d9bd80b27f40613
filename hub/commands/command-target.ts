// What each command acts on, as the audit log names it: the trail of a preset (`preset:<id>`) or an alert
// (`alert:<id>`) is then one query. One entry per command of the table, or it does not compile.
import type { CommandName, ParsedCommandArgs } from '../../src/contract/commands.js';

const TARGETS: { [K in CommandName]: (args: ParsedCommandArgs<K>) => string } = {
  'alert.acknowledge': (a) => `alert:${a.alertId}`,
  'alert.resolve': (a) => `alert:${a.alertId}`,
  'alert.note': (a) => `alert:${a.alertId}`,
  'preset.save': (a) => `preset:${a.preset.id}`,
  'preset.delete': (a) => `preset:${a.presetId}`,
  'preset.undo': (a) => `preset:${a.presetId}`,
  'wall.activate': (a) => `preset:${a.presetId}`,
  'wall.revertToSchedule': () => 'wall:schedule',
  'wall.setSchedule': () => 'wall:schedule',
  'wall.setPrivacy': () => 'wall:privacy',
};

/** `args` as the command's schema parsed them (CommandRequest checks them). */
export function commandTarget<K extends CommandName>(name: K, args: unknown): string {
  return TARGETS[name](args as ParsedCommandArgs<K>);
}
