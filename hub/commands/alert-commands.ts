// Commands on alerts: acknowledge, resolve, add a note. Each writes the alert's next state as a new event of
// its key in `ops.alerts`; a note given with any of them is appended to the alert's notes (the last 100 kept).
import { AlertPayload } from '../../src/contract/topics.js';
import { applied, type CommandContext, type CommandHandlers, type Execution, rejected } from './execution.js';

/** The alert after the command, or why it is already past what the command asks. */
type Transition = (alert: AlertPayload, ctx: CommandContext) => AlertPayload | { already: string };

function changeAlert(
  name: string,
  args: { alertId: string; note?: string },
  ctx: CommandContext,
  transition: Transition,
): Execution {
  const stored = ctx.log.latestOf('ops.alerts', args.alertId);
  const current = stored ? AlertPayload.safeParse(stored.payload) : undefined;
  if (!current?.success) return rejected(ctx, 'not-found', `no alert ${args.alertId}`);
  const next = transition(current.data, ctx);
  if ('already' in next) return rejected(ctx, 'invalid-state', next.already);
  const payload = args.note
    ? { ...next, notes: [...(next.notes ?? []), { by: ctx.issuer, at: ctx.now, text: args.note }].slice(-100) }
    : next;
  return applied(ctx, `${name} ${next.id}`, [{ topic: 'ops.alerts', key: next.id, payload }]);
}

export const ALERT_HANDLERS = {
  'alert.acknowledge': (args, ctx) =>
    changeAlert('alert.acknowledge', args, ctx, (alert) =>
      alert.state === 'active'
        ? { ...alert, state: 'acknowledged', acknowledgedBy: ctx.issuer, acknowledgedAt: ctx.now }
        : { already: `alert ${alert.id} is already ${alert.state}` },
    ),
  'alert.resolve': (args, ctx) =>
    changeAlert('alert.resolve', args, ctx, (alert) =>
      alert.state === 'resolved'
        ? { already: `alert ${alert.id} is already resolved` }
        : { ...alert, state: 'resolved' },
    ),
  'alert.note': (args, ctx) => changeAlert('alert.note', args, ctx, (alert) => alert),
} satisfies Partial<CommandHandlers>;
