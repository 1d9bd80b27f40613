// Stand-ins for the rule commands until the hub's rule store (branch alarm-hub) is merged: the console's rule
// editor is built against these names, and every one is refused, changing nothing.
import { type CommandHandlers, rejected } from './execution.js';

type RuleHandlers = Pick<CommandHandlers, 'rule.save' | 'rule.delete' | 'rule.undo'>;

const NOT_BUILT = 'rules: not built in this branch';

export const RULE_HANDLERS: RuleHandlers = {
  'rule.save': (_args, ctx) => rejected(ctx, 'not-found', NOT_BUILT),
  'rule.delete': (_args, ctx) => rejected(ctx, 'not-found', NOT_BUILT),
  'rule.undo': (_args, ctx) => rejected(ctx, 'not-found', NOT_BUILT),
};
