// Counts of Government-assigned tasks by status, and the overdue ones that have waited longest. Pure.
import type { TaskPayload } from '../../../src/contract/topics.js';

export const TASK_STATUSES = ['in_progress', 'overdue', 'done_on_time', 'done_late'] as const;

interface OverdueTask {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly dueDate: string;
  readonly daysOverdue: number;
}

export interface TaskSummary {
  readonly total: number;
  readonly counts: Readonly<Record<TaskPayload['status'], number>>;
  /** Overdue tasks, longest overdue first (then by unit, so units' items sit together). */
  readonly overdue: readonly OverdueTask[];
}

const DAY_MS = 86_400_000;

/** Whole days from `dueDate` to `today`, both "yyyy-MM-dd" calendar days. */
export function daysBetween(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
}

export function summarizeTasks(tasks: readonly TaskPayload[], today: string): TaskSummary {
  const counts: Record<TaskPayload['status'], number> = { in_progress: 0, overdue: 0, done_on_time: 0, done_late: 0 };
  const overdue: OverdueTask[] = [];
  for (const task of tasks) {
    counts[task.status]++;
    if (task.status === 'overdue') {
      overdue.push({
        id: task.id,
        title: task.title,
        unit: task.unit,
        dueDate: task.dueDate,
        daysOverdue: Math.max(0, daysBetween(task.dueDate, today)),
      });
    }
  }
  overdue.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || a.unit.localeCompare(b.unit, 'vi') || a.id.localeCompare(b.id),
  );
  return { total: tasks.length, counts, overdue };
}
