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

/** A refused input of a connector, as an admin reads it on the console. */
export const DeadLetterRow = z.object({
  id: z.number().int().positive(),
  connector: z.string(),
  at: z.number(),
  location: z.string(),
  reason: z.string(),
  input: z.string(),
  replayedAt: z.number().nullable(),
});
export type DeadLetterRow = z.infer<typeof DeadLetterRow>;

export const DeadLetterFilter = z.object({
  connectorId: z.string().min(1).max(48),
  limit: z.number().int().min(1).max(500).default(100),
});
export type DeadLetterFilter = z.infer<typeof DeadLetterFilter>;

/** Client → hub (`dead-letters`): an admin's session and which connector. */
export const DeadLettersRequest = DeadLetterFilter.extend({ accessToken: z.string().min(1).max(4096) });
export const DeadLettersResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), letters: z.array(DeadLetterRow) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type DeadLettersResponse = z.infer<typeof DeadLettersResponse>;
