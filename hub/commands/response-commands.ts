// The operator's side of the wall's answers to alarms: `wall.cancelResponse` takes one off the wall at once and
// records the cancellation on `wall.responses`, where the choreographer (hub/alarms/choreographer.ts) keeps it
// for as long as that activation of the alarm lasts.
import { MAX_CANCELLED, WALL_RESPONSES_KEY, WallResponsesPayload } from '../../src/domain/alarms/response-schema.js';
import type { EventLog } from '../event-log.js';
import { applied, type CommandHandlers, rejected } from './execution.js';

export function wallResponsesOf(log: EventLog): WallResponsesPayload | undefined {
  return log.latestPayload('wall.responses', WALL_RESPONSES_KEY, WallResponsesPayload);
}

export const RESPONSE_HANDLERS = {
  'wall.cancelResponse': ({ alarmId }, ctx) => {
    const current = wallResponsesOf(ctx.log);
    const response = current?.active.find((r) => r.alarmId === alarmId);
    if (!current || !response) return rejected(ctx, 'not-found', `no response of alarm ${alarmId} on the wall`);
    const cancellation = { alarmId, activatedAt: response.activatedAt, at: ctx.now, by: ctx.issuer };
    const payload: WallResponsesPayload = {
      ...current,
      active: current.active.filter((r) => r.alarmId !== alarmId),
      cancelled: [...current.cancelled, cancellation].slice(-MAX_CANCELLED),
      updatedAt: ctx.now,
      updatedBy: ctx.issuer,
    };
    return applied(ctx, `wall.cancelResponse ${alarmId}`, [
      { topic: 'wall.responses', key: WALL_RESPONSES_KEY, payload },
    ]);
  },
} satisfies Partial<CommandHandlers>;
