// Settings of an alerts tile.
import { z } from 'zod';

export const AlertsSettings = z.object({
  /** Rows shown; the rest are counted. */
  limit: z.number().int().min(1).max(50).default(6),
  /** Also list alerts an operator has acknowledged but not resolved. */
  includeAcknowledged: z.boolean().default(false),
  /**
   * Which alarms this surface shows: all open ones; only those someone has acknowledged (a leaders' surface that
   * should not show what nobody has looked at yet); only the major ones (Khẩn cấp and Nghiêm trọng).
   */
  show: z.enum(['all', 'acknowledged', 'major']).default('all'),
});
export type AlertsSettings = z.infer<typeof AlertsSettings>;
