// Settings of a time-series tile: one key's `payload.value` over a recent window. Strict: a misspelt setting is
// an error shown in the tile rather than a default silently used.
import { z } from 'zod';
import { KnownTopic } from '../../../src/contract/hub-protocol.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../src/i18n/format.js';
import { MessageKey } from '../kpi/kpi-settings';

export const TimeseriesSettings = z
  .object({
    topic: KnownTopic.default('econ.live'),
    /** e.g. "new_businesses_today" (econ.live) or "79:fdi" (econ.indicators). */
    key: z.string().min(1).max(128),
    label: MessageKey.optional(),
    unit: MessageKey.optional(),
    /** How far back the line goes. */
    windowMinutes: z.number().int().min(1).max(10_080).default(60),
    /** Points held; ECharts samples them down (LTTB) to what the tile's width can show. */
    maxPoints: z.number().int().min(10).max(20_000).default(5000),
    fractionDigits: z.number().int().min(0).max(4).default(1),
    timeZone: z.string().refine(isValidTimeZone, { message: 'not an IANA time zone' }).default(DEFAULT_TIME_ZONE),
  })
  .strict();
export type TimeseriesSettings = z.infer<typeof TimeseriesSettings>;
