// Commands that bring data in: an admin's replay of a connector's dead letter — its events keep the connector as
// their source (the figures are the department's, not the admin's; the audit row says who replayed them) — and a
// person's publish of one event (`ioc-wall hub publish`), in that person's name.
import { applied, type CommandHandlers, rejected } from './execution.js';

export const CONNECTOR_HANDLERS = {
  'connector.replay': (args, ctx) => {
    const outcome = ctx.connectors.replay(args.connectorId, args.deadLetterId, ctx.now);
    if (!outcome.ok) return rejected(ctx, outcome.reason, outcome.message);
    return {
      result: { status: 'applied', message: outcome.message, appliedAt: ctx.now },
      events: ctx.log.append(outcome.events),
    };
  },
  'data.publish': (args, ctx) =>
    applied(ctx, `published ${args.topic} ${args.key}`, [{ topic: args.topic, key: args.key, payload: args.payload }]),
} satisfies Partial<CommandHandlers>;
