// Commands on the hub's connectors: an admin's replay of a dead letter. The events it makes keep the connector as
// their source (the figures are the department's, not the admin's); the audit row says who replayed them.
import { type CommandHandlers, rejected } from './execution.js';

export const CONNECTOR_HANDLERS = {
  'connector.replay': (args, ctx) => {
    const outcome = ctx.connectors.replay(args.connectorId, args.deadLetterId, ctx.now);
    if (!outcome.ok) return rejected(ctx, outcome.reason, outcome.message);
    return {
      result: { status: 'applied', message: outcome.message, appliedAt: ctx.now },
      events: ctx.log.append(outcome.events),
    };
  },
} satisfies Partial<CommandHandlers>;
