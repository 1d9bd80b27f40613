// Settings of a tasks tile.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../src/i18n/format.js';

export const TasksSettings = z.object({
  /** Overdue tasks listed. */
  limit: z.number().int().min(1).max(30).default(5),
  /** Zone whose calendar day decides how many days a task is overdue. */
  timeZone: z.string().refine(isValidTimeZone, { message: 'not an IANA time zone' }).default(DEFAULT_TIME_ZONE),
});
export type TasksSettings = z.infer<typeof TasksSettings>;
