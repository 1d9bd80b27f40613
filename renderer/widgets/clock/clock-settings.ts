// Settings of a clock tile: the IANA zones to show, the room's own zone first by default.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../src/i18n/format.js';

export const ClockSettings = z.object({
  zones: z
    .array(z.string().refine(isValidTimeZone, { message: 'not an IANA time zone known to this runtime' }))
    .min(1)
    .max(6)
    .default([DEFAULT_TIME_ZONE]),
});
export type ClockSettings = z.infer<typeof ClockSettings>;

/** Message key naming a zone the room knows by name; other zones are labelled by their city. */
export function zoneLabelKey(zone: string): string | null {
  if (zone === 'Asia/Ho_Chi_Minh' || zone === 'Asia/Saigon') return 'clock.localTime';
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT') return 'clock.utc';
  return null;
}

export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
