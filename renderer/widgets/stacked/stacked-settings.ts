// Settings of a stacked-bars tile: Government-assigned tasks per responsible unit, stacked by status.
import { z } from 'zod';
import { TaskPayload } from '../../../src/contract/topics.js';

export const TaskStatus = TaskPayload.shape.status;
export type TaskStatus = z.infer<typeof TaskStatus>;

export const StackedSettings = z
  .object({
    /** Units shown, those with the most overdue tasks first. */
    top: z.number().int().min(1).max(30).default(8),
    /** Which statuses are stacked, bottom to top. */
    statuses: z
      .array(TaskStatus)
      .min(1)
      .max(4)
      .refine((s) => new Set(s).size === s.length, { message: 'a status is listed twice' })
      .default(['overdue', 'in_progress', 'done_late', 'done_on_time']),
  })
  .strict();
export type StackedSettings = z.infer<typeof StackedSettings>;
