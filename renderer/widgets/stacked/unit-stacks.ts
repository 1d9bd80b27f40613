// Tasks counted per responsible unit and status: the stacks of a stacked-bars tile. Pure. A task whose key is
// not its own id is a broken record (two keys could count one task twice): left out and reported.
import type { TypedEvent } from '../../state/payloads';
import type { TaskStatus } from './stacked-settings';

export interface UnitStacks {
  /** Units, in the order drawn. */
  readonly units: readonly string[];
  /** Per status (in the order asked), the count of each unit. */
  readonly stacks: ReadonlyArray<{ readonly status: TaskStatus; readonly counts: readonly number[] }>;
  readonly totalTasks: number;
  readonly problems: readonly string[];
}

export function unitStacks(
  events: readonly TypedEvent<'gov.tasks'>[],
  statuses: readonly TaskStatus[],
  top: number,
): UnitStacks {
  const byUnit = new Map<string, Map<TaskStatus, number>>();
  const problems: string[] = [];
  let totalTasks = 0;
  for (const { envelope, payload } of events) {
    if (envelope.key !== payload.id) {
      problems.push(`${envelope.key} ≠ ${payload.id}`);
      continue;
    }
    if (!statuses.includes(payload.status)) continue;
    let counts = byUnit.get(payload.unit);
    if (!counts) byUnit.set(payload.unit, (counts = new Map()));
    counts.set(payload.status, (counts.get(payload.status) ?? 0) + 1);
    totalTasks++;
  }
  const total = (u: string): number => [...(byUnit.get(u)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const overdue = (u: string): number => byUnit.get(u)?.get('overdue') ?? 0;
  const units = [...byUnit.keys()]
    .sort((a, b) => overdue(b) - overdue(a) || total(b) - total(a) || a.localeCompare(b, 'vi'))
    .slice(0, top);
  return {
    units,
    stacks: statuses.map((status) => ({ status, counts: units.map((u) => byUnit.get(u)?.get(status) ?? 0) })),
    totalTasks,
    problems,
  };
}
