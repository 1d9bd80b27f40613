// A warning as it travels on `ops.warnings`: the latest message of one CAP warning (an Alert and its Updates share
// a key; a Cancel ends it), with its areas as drawn on the map — polygons and circles in [longitude, latitude] —
// and the provinces they touch.
import { z } from 'zod';
import { AlarmPriority } from '../alarms/alarm-schema.js';
import { PROVINCE_CODES } from '../provinces.js';
import { CapCertainty, CapSeverity, CapUrgency } from './cap-alert.js';

const Province = z.enum(PROVINCE_CODES as [string, ...string[]]);
const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Instant = z.number().int().nonnegative();

export const WarningArea = z.object({
  description: z.string().trim().min(1).max(1000),
  polygons: z.array(z.array(LonLat).min(4).max(20_000)).max(50),
  circles: z.array(z.object({ centre: LonLat, radiusKm: z.number().nonnegative().max(5000) })).max(50),
  provinces: z.array(Province).max(PROVINCE_CODES.length),
});
export type WarningArea = z.infer<typeof WarningArea>;

export const WarningPayload = z.object({
  /** Identifier of the latest message of this warning. */
  id: z.string().min(1).max(128),
  sender: z.string().min(1).max(256),
  sentAt: Instant,
  msgType: z.enum(['Alert', 'Update', 'Cancel']),
  state: z.enum(['active', 'cancelled']),
  event: z.string().trim().min(1).max(400),
  headline: z.string().trim().min(1).max(400),
  description: z.string().max(20_000).optional(),
  instruction: z.string().max(20_000).optional(),
  priority: AlarmPriority,
  severity: CapSeverity,
  urgency: CapUrgency,
  certainty: CapCertainty,
  areas: z.array(WarningArea).max(100),
  /** Every province any area touches. */
  provinces: z.array(Province).max(PROVINCE_CODES.length),
  expiresAt: Instant.nullable(),
  sourceSystem: z.string().min(1).max(400),
});
export type WarningPayload = z.infer<typeof WarningPayload>;
