import { describe, expect, it } from 'vitest';
import type { TaskPayload } from '../../../src/contract/topics.js';
import { daysBetween, summarizeTasks } from './task-summary';

const task = (id: string, status: TaskPayload['status'], dueDate: string, unit = 'Bộ Tài chính'): TaskPayload => ({
  id,
  title: `Nhiệm vụ ${id}`,
  assignedBy: 'government',
  unit,
  dueDate,
  status,
});

describe('summarizeTasks', () => {
  it('counts by status and lists overdue tasks, longest overdue first', () => {
    const s = summarizeTasks(
      [
        task('1', 'in_progress', '2026-12-01'),
        task('2', 'overdue', '2026-10-20', 'UBND TP Hà Nội'),
        task('3', 'overdue', '2026-10-01', 'Bộ Y tế'),
        task('4', 'done_on_time', '2026-10-01'),
        task('5', 'done_late', '2026-09-01'),
        task('6', 'overdue', '2026-10-20', 'Bộ Công Thương'),
      ],
      '2026-10-31',
    );
    expect(s.total).toBe(6);
    expect(s.counts).toEqual({ in_progress: 1, overdue: 3, done_on_time: 1, done_late: 1 });
    expect(s.overdue.map((t) => [t.id, t.unit, t.daysOverdue])).toEqual([
      ['3', 'Bộ Y tế', 30],
      ['6', 'Bộ Công Thương', 11],
      ['2', 'UBND TP Hà Nội', 11],
    ]);
  });

  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-12-31', '2027-01-02')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('is empty for no tasks', () => {
    expect(summarizeTasks([], '2026-01-01')).toEqual({
      total: 0,
      counts: { in_progress: 0, overdue: 0, done_on_time: 0, done_late: 0 },
      overdue: [],
    });
  });
});
