// The presenter's pointer: where a finger on the presenter page's picture of the wall is, as a fraction of the
// whole wall's bounding box (0..1 each way), or null when lifted. Ephemeral: the host passes it straight to the
// pages and never writes it to the hub's log.
import { z } from 'zod';

export const PointerAt = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict();
export type PointerAt = z.infer<typeof PointerAt>;

export const PointerChange = z.object({ at: PointerAt.nullable() }).strict();
export type PointerChange = z.infer<typeof PointerChange>;
