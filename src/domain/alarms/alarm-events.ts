// What can happen to an alarm: the rule's condition, the operators' actions and the shelving timer. Each event
// names who makes it; the schema says which events only a person may make (acknowledge, shelve, resolve …), so a
// system can never resolve an alarm nobody looked at.
import { z } from 'zod';
import { Actor, type AlarmEventKind, PersonActor, SystemActor } from './alarm-schema.js';

const Reason = z.string().trim().min(1).max(400);
const Measured = z.number().finite();

export const AlarmEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('condition-active'),
    by: Actor,
    value: Measured.nullable().optional(),
    threshold: Measured.nullable().optional(),
  }),
  z.object({ kind: z.literal('condition-clear'), by: Actor, value: Measured.nullable().optional() }),
  z.object({ kind: z.literal('acknowledge'), by: PersonActor, note: z.string().max(1000).optional() }),
  z.object({
    kind: z.literal('shelve'),
    by: PersonActor,
    until: z.number().int().nonnegative(),
    reason: Reason,
    oneShot: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('unshelve'), by: PersonActor }),
  z.object({ kind: z.literal('shelve-expired'), by: SystemActor }),
  z.object({ kind: z.literal('suppress'), by: Actor, reason: Reason }),
  z.object({ kind: z.literal('unsuppress'), by: Actor }),
  z.object({ kind: z.literal('remove-from-service'), by: PersonActor, reason: Reason }),
  z.object({ kind: z.literal('return-to-service'), by: PersonActor }),
  z.object({ kind: z.literal('resolve'), by: PersonActor, note: z.string().max(1000).optional() }),
  z.object({ kind: z.literal('note'), by: PersonActor, text: z.string().trim().min(1).max(1000) }),
  z.object({ kind: z.literal('assign'), by: PersonActor, unit: z.string().trim().min(1).max(120) }),
]);
export type AlarmEvent = z.infer<typeof AlarmEvent>;

// The compiler keeps the events and the kinds a transition records the same list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameKinds: Same<AlarmEvent['kind'], AlarmEventKind> = true;
