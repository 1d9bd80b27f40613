import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { TaskPayload } from '../../../src/contract/topics.js';
import { LatestValues } from '../../../src/domain/latest-values.js';
import { eventsOf } from '../../state/payloads';
import { unitStacks } from './unit-stacks';

let offset = 0;
function task(id: string, unit: string, status: TaskPayload['status'], key = id): Envelope {
  offset++;
  return {
    topic: 'gov.tasks',
    offset,
    time: offset,
    source: 'demo',
    key,
    payload: {
      id,
      title: `Nhiệm vụ ${id}`,
      assignedBy: 'government',
      unit,
      dueDate: '2026-10-30',
      status,
    } satisfies TaskPayload,
  };
}

function events(list: Envelope[]) {
  const v = new LatestValues();
  for (const e of list) v.apply(e);
  return eventsOf(v, 'gov.tasks');
}

describe('unitStacks', () => {
  const all = ['overdue', 'in_progress', 'done_late', 'done_on_time'] as const;

  it('counts tasks per unit and status, units with most overdue first', () => {
    const s = unitStacks(
      events([
        task('1', 'Bộ Tài chính', 'in_progress'),
        task('2', 'Bộ Tài chính', 'in_progress'),
        task('3', 'Bộ Y tế', 'overdue'),
        task('4', 'Bộ Y tế', 'done_on_time'),
        task('5', 'Bộ Xây dựng', 'done_late'),
      ]),
      all,
      10,
    );
    expect(s.units).toEqual(['Bộ Y tế', 'Bộ Tài chính', 'Bộ Xây dựng']);
    expect(s.stacks.find((x) => x.status === 'in_progress')?.counts).toEqual([0, 2, 0]);
    expect(s.stacks.find((x) => x.status === 'overdue')?.counts).toEqual([1, 0, 0]);
    expect(s.totalTasks).toBe(5);
  });

  it('keeps only the statuses asked for and the top N units', () => {
    const s = unitStacks(
      events([task('1', 'A', 'overdue'), task('2', 'B', 'in_progress'), task('3', 'C', 'overdue')]),
      ['overdue'],
      1,
    );
    expect(s.units).toEqual(['A']);
    expect(s.stacks).toEqual([{ status: 'overdue', counts: [1] }]);
  });

  it('leaves out and reports a task stored under another key', () => {
    const s = unitStacks(events([task('NV-2', 'A', 'overdue', 'NV-1'), task('NV-3', 'B', 'overdue')]), all, 10);
    expect(s.units).toEqual(['B']);
    expect(s.problems).toEqual(['NV-1 ≠ NV-2']);
  });
});
