// The connection tile has no settings yet; unknown ones are ignored so older layouts keep working.
import { z } from 'zod';

export const ConnectionSettings = z.object({});
export type ConnectionSettings = z.infer<typeof ConnectionSettings>;
