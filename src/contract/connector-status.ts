// A connector's status as the hub reports it (GET /api/status `connectors`) and the host passes it on to the
// console's "Nguồn dữ liệu" section.
import { z } from 'zod';

export const ConnectorStatusRow = z.object({
  id: z.string(),
  kind: z.string(),
  lastRunAt: z.number().nullable(),
  nextRunAt: z.number().nullable(),
  accepted: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** Dead letters not replayed yet. */
  deadLetters: z.number().int().nonnegative(),
});
export type ConnectorStatusRow = z.infer<typeof ConnectorStatusRow>;
