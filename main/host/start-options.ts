// Options of `ioc-wall start`, validated before anything starts.
import { z } from 'zod';

export const StartOptions = z.object({
  shell: z.enum(['auto', 'electron', 'browser', 'headless']).default('auto'),
  /** `embedded` runs the demo hub in this process; otherwise the hub's URL. */
  hub: z.union([z.literal('embedded'), z.string().url()]).default('embedded'),
  dataDir: z.string().min(1),
  wall: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65535).default(4180),
  locale: z.enum(['vi', 'en']).default('vi'),
  /** Open the operator console too (browser and Electron shells). */
  console: z.boolean().default(false),
  seed: z.coerce.number().int().default(2025),
});
export type StartOptions = z.infer<typeof StartOptions>;
