// What each command acts on, as the audit log names it: the trail of a preset (`preset:<id>`) or an alarm
// (`alarm:<id>`) is then one query. One entry per command of the table, or it does not compile.
import type { CommandName, ParsedCommandArgs } from '../../src/contract/commands.js';

const TARGETS: { [K in CommandName]: (args: ParsedCommandArgs<K>) => string } = {
  // A bulk acknowledgement names every alarm it took, so an alarm's trail is found with LIKE as well as =.
  'alarm.acknowledge': (a) => `alarm:${a.alarmIds.join(',')}`,
  'alarm.shelve': (a) => `alarm:${a.alarmId}`,
  'alarm.unshelve': (a) => `alarm:${a.alarmId}`,
  'alarm.note': (a) => `alarm:${a.alarmId}`,
  'alarm.assign': (a) => `alarm:${a.alarmId}`,
  'alarm.resolve': (a) => `alarm:${a.alarmId}`,
  'alarm.removeFromService': (a) => `alarm:${a.alarmId}`,
  'alarm.returnToService': (a) => `alarm:${a.alarmId}`,
  'rule.save': (a) => `rule:${a.rule.id}`,
  'rule.delete': (a) => `rule:${a.ruleId}`,
  'rule.undo': (a) => `rule:${a.ruleId}`,
  'preset.save': (a) => `preset:${a.preset.id}`,
  'preset.delete': (a) => `preset:${a.presetId}`,
  'preset.undo': (a) => `preset:${a.presetId}`,
  'wall.activate': (a) => `preset:${a.presetId}`,
  'wall.revertToSchedule': () => 'wall:schedule',
  'wall.setSchedule': () => 'wall:schedule',
  'wall.cancelResponse': (a) => `alarm:${a.alarmId}`,
  'connector.replay': (a) => `connector:${a.connectorId}`,
  'data.publish': (a) => `${a.topic}:${a.key}`,
  'briefing.save': (a) => `briefing:${a.briefing.id}`,
  'briefing.delete': (a) => `briefing:${a.briefingId}`,
  'briefing.start': (a) => `briefing:${a.briefingId}`,
  'briefing.next': () => 'briefing:wall',
  'briefing.previous': () => 'briefing:wall',
  'briefing.jump': () => 'briefing:wall',
  'briefing.end': () => 'briefing:wall',
  'briefing.black': () => 'briefing:wall',
  'briefing.spotlight': () => 'briefing:wall',
  'wall.timeCursor': () => 'wall:time-cursor',
  'wall.setPrivacy': () => 'wall:privacy',
};

/** `args` as the command's schema parsed them (CommandRequest checks them). */
export function commandTarget<K extends CommandName>(name: K, args: unknown): string {
  return TARGETS[name](args as ParsedCommandArgs<K>);
}
