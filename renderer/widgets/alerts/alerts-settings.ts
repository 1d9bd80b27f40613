// Settings of an alerts tile.
import { z } from 'zod';

export const AlertsSettings = z.object({
  /** Rows shown; the rest are counted. */
  limit: z.number().int().min(1).max(50).default(6),
  /** Also list alerts an operator has acknowledged but not resolved. */
  includeAcknowledged: z.boolean().default(false),
});
export type AlertsSettings = z.infer<typeof AlertsSettings>;
