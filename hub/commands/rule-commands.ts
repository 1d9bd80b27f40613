// Commands on alarm rules: save, delete and undo, versioned (src/domain/alarms/rule-versions.ts). The hub's alarm
// engine (hub/alarms/alarm-engine.ts) follows the `alarm.rules` topic these write.
import {
  type RuleOutcome,
  RulePayload,
  deleteRule,
  saveRule,
  undoRule,
} from '../../src/domain/alarms/rule-versions.js';
import type { EventLog } from '../event-log.js';
import { versionReader } from './version-reader.js';
import { applied, changeBy, type CommandContext, type CommandHandlers, type Execution, rejected } from './execution.js';

function ruleOf(log: EventLog, id: string): RulePayload | undefined {
  return log.latestPayload('alarm.rules', id, RulePayload);
}

function done(ctx: CommandContext, outcome: RuleOutcome): Execution {
  if (!outcome.ok) return rejected(ctx, outcome.reason, outcome.message);
  return applied(ctx, outcome.message, [
    { topic: 'alarm.rules', key: outcome.payload.rule.id, payload: outcome.payload },
  ]);
}

export const RULE_HANDLERS = {
  'rule.save': ({ rule, baseVersion }, ctx) =>
    done(ctx, saveRule(ruleOf(ctx.log, rule.id), rule, baseVersion, changeBy(ctx))),
  'rule.delete': ({ ruleId, baseVersion }, ctx) =>
    done(ctx, deleteRule(ruleOf(ctx.log, ruleId), ruleId, baseVersion, changeBy(ctx))),
  'rule.undo': ({ ruleId, baseVersion }, ctx) =>
    done(
      ctx,
      undoRule(
        ruleOf(ctx.log, ruleId),
        ruleId,
        baseVersion,
        versionReader(ctx.log, 'alarm.rules', ruleId, RulePayload),
        changeBy(ctx),
      ),
    ),
} satisfies Partial<CommandHandlers>;
