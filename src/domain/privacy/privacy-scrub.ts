// Privacy mode's scrubbing of one event before it reaches any window: fields its topic marks personal are dropped,
// and the name of every person in it is replaced by the unit the record belongs to. Pure, so the host applies it
// to the live feed, the snapshot and the history alike, and tests check it without a host.
//
// People appear as an alarm's `PersonActor` (`{ kind: 'person', person, device }` in notes, the timeline and
// hold.by: src/domain/alarms/alarm-schema.ts) and as the `by` name of a note: both are found wherever they sit,
// so a record that grows another person field is covered as long as it uses one of these shapes.
import type { EnvelopeBase } from '../../contract/hub-protocol.js';
import type { z } from 'zod';

type Envelope = z.infer<typeof EnvelopeBase>;

/** When a record names no unit: the centre itself answers for it. */
export const CENTRE_UNIT = 'Trung tâm điều hành';

/** The unit a record belongs to: an alarm's assigned unit or its area's, a task's unit. */
function unitOf(payload: Record<string, unknown>): string {
  const area = payload.area;
  const candidates = [
    payload.assignedUnit,
    typeof area === 'object' && area !== null ? (area as Record<string, unknown>).unit : undefined,
    payload.unit,
  ];
  const unit = candidates.find((u): u is string => typeof u === 'string' && u.length > 0);
  return unit ?? CENTRE_UNIT;
}

function replacePeople(value: unknown, unit: string): unknown {
  if (Array.isArray(value)) return value.map((v) => replacePeople(v, unit));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = replacePeople(v, unit);
  if (out.kind === 'person' && typeof out.person === 'string') out.person = unit;
  if (typeof out.by === 'string') out.by = unit;
  return out;
}

/** The event as a window may see it in privacy mode. `personalFields`: the topic's, dropped from the payload. */
export function scrubEvent(event: Envelope, personalFields: readonly string[]): Envelope {
  const payload = event.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return event;
  const kept = Object.fromEntries(Object.entries(payload).filter(([k]) => !personalFields.includes(k)));
  return { ...event, payload: replacePeople(kept, unitOf(kept)) };
}
