// Commands on alarms: the operators' side of the ISA-18.2 lifecycle (src/domain/alarms/alarm-lifecycle.ts).
// Each reads the alarm's latest record on `ops.alerts`, applies the person's event with the pure state machine
// and writes the next record as a new event of its key, so every transition names the person and the console.
import type { AlarmEvent } from '../../src/domain/alarms/alarm-events.js';
import { apply } from '../../src/domain/alarms/alarm-lifecycle.js';
import { Alarm, type PersonActor } from '../../src/domain/alarms/alarm-schema.js';
import { applied, type CommandContext, type CommandHandlers, type Execution, rejected } from './execution.js';

function stored(ctx: CommandContext, alarmId: string): Alarm | undefined {
  return ctx.log.latestPayload('ops.alerts', alarmId, Alarm);
}

function actor(ctx: CommandContext): PersonActor {
  return { kind: 'person', person: ctx.person, device: ctx.device };
}

/** One person's event on one alarm. */
function change(
  name: string,
  alarmId: string,
  ctx: CommandContext,
  event: (by: PersonActor, alarm: Alarm) => AlarmEvent,
): Execution {
  const alarm = stored(ctx, alarmId);
  if (!alarm) return rejected(ctx, 'not-found', `no alarm ${alarmId}`);
  const next = apply(alarm, event(actor(ctx), alarm), ctx.now);
  if (!next.ok) return rejected(ctx, 'invalid-state', `${alarmId}: ${next.reason}`);
  return applied(ctx, `${name} ${alarmId}`, [{ topic: 'ops.alerts', key: alarmId, payload: next.alarm }]);
}

export const ALARM_HANDLERS = {
  'alarm.acknowledge': ({ alarmIds, note }, ctx) => {
    const by = actor(ctx);
    const changed: Alarm[] = [];
    const refused: string[] = [];
    for (const id of new Set(alarmIds)) {
      const alarm = stored(ctx, id);
      const next = alarm ? apply(alarm, { kind: 'acknowledge', by, ...(note ? { note } : {}) }, ctx.now) : undefined;
      if (next?.ok) changed.push(next.alarm);
      else refused.push(`${id}: ${next ? next.reason : 'not found'}`);
    }
    if (changed.length === 0) {
      const reason = refused.every((r) => r.endsWith('not found')) ? 'not-found' : 'invalid-state';
      return rejected(ctx, reason, `nothing acknowledged: ${refused.join('; ')}`.slice(0, 400));
    }
    const skipped = refused.length === 0 ? '' : `; ${refused.length} left as they were`;
    return applied(
      ctx,
      `alarm.acknowledge ${changed.length}${skipped}`,
      changed.map((alarm) => ({ topic: 'ops.alerts', key: alarm.id, payload: alarm })),
    );
  },
  'alarm.shelve': ({ alarmId, minutes, reason, oneShot }, ctx) =>
    change('alarm.shelve', alarmId, ctx, (by, alarm) => ({
      kind: 'shelve',
      by,
      // From when the shelve is recorded: never before the alarm's last change (a clock set back since).
      until: Math.max(ctx.now, alarm.updatedAt) + minutes * 60_000,
      reason,
      oneShot,
    })),
  'alarm.unshelve': ({ alarmId }, ctx) => change('alarm.unshelve', alarmId, ctx, (by) => ({ kind: 'unshelve', by })),
  'alarm.note': ({ alarmId, text }, ctx) => change('alarm.note', alarmId, ctx, (by) => ({ kind: 'note', by, text })),
  'alarm.assign': ({ alarmId, unit }, ctx) =>
    change('alarm.assign', alarmId, ctx, (by) => ({ kind: 'assign', by, unit })),
  'alarm.resolve': ({ alarmId, note }, ctx) =>
    change('alarm.resolve', alarmId, ctx, (by) => ({ kind: 'resolve', by, ...(note ? { note } : {}) })),
  'alarm.removeFromService': ({ alarmId, reason }, ctx) =>
    change('alarm.removeFromService', alarmId, ctx, (by) => ({ kind: 'remove-from-service', by, reason })),
  'alarm.returnToService': ({ alarmId }, ctx) =>
    change('alarm.returnToService', alarmId, ctx, (by) => ({ kind: 'return-to-service', by })),
} satisfies Partial<CommandHandlers>;
