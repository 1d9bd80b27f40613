// A CAP 1.2 alert (OASIS Common Alerting Protocol, the format of weather and disaster warnings) as parsed from its
// XML: every element a string, repeated ones as lists. Checked here — codes from the standard's value lists, times
// with their zone, polygons and circles turned into numbers in [longitude, latitude] order (CAP writes lat,lon) —
// so everything after this works on checked data. Bounded, since the documents come from outside.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** CAP dateTime: `2026-11-01T08:00:00+07:00`; the zone is required. */
const CapTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/, 'a CAP time with its zone')
  .transform((text) => Date.parse(text))
  .refine((ms) => Number.isFinite(ms) && ms >= 0, 'not a valid time');

const Pair = (text: string): [number, number] | null => {
  const [lat, lon] = text.split(',').map(Number);
  if (lat === undefined || lon === undefined || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return null;
  return [lon, lat];
};

/** `lat,lon lat,lon …`, closed, as a ring of [lon, lat]. */
const CapPolygon = z
  .string()
  .max(200_000)
  .transform((text, ctx): [number, number][] => {
    const points = text.trim().split(/\s+/).map(Pair);
    const first = points[0];
    const last = points.at(-1);
    if (points.length < 4 || points.some((p) => p === null) || first?.[0] !== last?.[0] || first?.[1] !== last?.[1]) {
      ctx.addIssue({ code: 'custom', message: 'a polygon is 4 or more "lat,lon" pairs, the last equal to the first' });
      return z.NEVER;
    }
    return points as [number, number][];
  });

/** `lat,lon radius` (radius in km). */
const CapCircle = z
  .string()
  .max(100)
  .transform((text, ctx) => {
    const [centre, radius] = text.trim().split(/\s+/);
    const point = centre ? Pair(centre) : null;
    const km = Number(radius);
    if (!point || !(km >= 0 && km <= 5000)) {
      ctx.addIssue({ code: 'custom', message: 'a circle is "lat,lon radius" with the radius in km' });
      return z.NEVER;
    }
    return { centre: point, radiusKm: km };
  });

const Geocode = z.object({ valueName: Text(100), value: Text(100) });

export const CapArea = z.object({
  areaDesc: Text(1000),
  polygon: z.array(CapPolygon).max(50).default([]),
  circle: z.array(CapCircle).max(50).default([]),
  geocode: z.array(Geocode).max(200).default([]),
});
export type CapArea = z.infer<typeof CapArea>;

export const CapSeverity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']);
export const CapUrgency = z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']);
export const CapCertainty = z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']);

export const CapInfo = z.object({
  language: z.string().max(35).default('en-US'),
  category: z
    .array(
      z.enum([
        'Geo',
        'Met',
        'Safety',
        'Security',
        'Rescue',
        'Fire',
        'Health',
        'Env',
        'Transport',
        'Infra',
        'CBRNE',
        'Other',
      ]),
    )
    .min(1),
  event: Text(400),
  urgency: CapUrgency,
  severity: CapSeverity,
  certainty: CapCertainty,
  headline: Text(400).optional(),
  description: z.string().max(20_000).optional(),
  instruction: z.string().max(20_000).optional(),
  senderName: Text(400).optional(),
  effective: CapTime.optional(),
  onset: CapTime.optional(),
  expires: CapTime.optional(),
  area: z.array(CapArea).max(100).default([]),
});
export type CapInfo = z.infer<typeof CapInfo>;

/** `sender,identifier,sent` triples separated by spaces. */
const CapReferences = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    const refs = text
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((triple) => {
        const [sender, identifier, sent] = triple.split(',');
        const at = sent ? Date.parse(sent) : NaN;
        return sender && identifier && Number.isFinite(at) ? { sender, identifier, sent: at } : null;
      });
    if (refs.some((r) => r === null)) {
      ctx.addIssue({ code: 'custom', message: 'references are "sender,identifier,sent" triples' });
      return z.NEVER;
    }
    return refs as { sender: string; identifier: string; sent: number }[];
  });

export const CapAlert = z
  .object({
    identifier: Text(256).regex(/^[^\s,<&]+$/, 'an identifier has no spaces, commas, < or &'),
    sender: Text(256).regex(/^[^\s,<&]+$/, 'a sender has no spaces, commas, < or &'),
    sent: CapTime,
    status: z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']),
    msgType: z.enum(['Alert', 'Update', 'Cancel']),
    scope: z.enum(['Public', 'Restricted', 'Private']),
    references: CapReferences.optional(),
    info: z.array(CapInfo).max(20).default([]),
  })
  .superRefine((alert, ctx) => {
    if (alert.msgType !== 'Alert' && !alert.references?.length) {
      ctx.addIssue({ code: 'custom', path: ['references'], message: `${alert.msgType} must reference the alert` });
    }
    if (alert.msgType !== 'Cancel' && alert.info.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['info'], message: `${alert.msgType} needs an info block` });
    }
  });
export type CapAlert = z.infer<typeof CapAlert>;
