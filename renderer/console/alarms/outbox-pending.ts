// Which alarms have an action of this console not yet confirmed by the hub ("đang chờ gửi"), or refused: read from
// the host's outbox, the one place an action made while the hub is away waits. Pure, unit-tested.
import type { OutboxItem } from '../../../src/contract/bridge.js';

export type PendingMark = { readonly kind: 'pending' } | { readonly kind: 'failed'; readonly message: string };

/** How long a refused action stays marked on its row. */
const FAILED_SHOWN_MS = 120_000;

function alarmIdsOf(args: unknown): string[] {
  if (typeof args !== 'object' || args === null) return [];
  const a = args as { alarmId?: unknown; alarmIds?: unknown };
  if (typeof a.alarmId === 'string') return [a.alarmId];
  if (Array.isArray(a.alarmIds)) return a.alarmIds.filter((x): x is string => typeof x === 'string');
  return [];
}

export function pendingByAlarm(items: readonly OutboxItem[], now: number): Map<string, PendingMark> {
  const marks = new Map<string, PendingMark>();
  for (const item of items) {
    if (!item.name.startsWith('alarm.')) continue;
    let mark: PendingMark | null = null;
    if (item.state === 'queued') mark = { kind: 'pending' };
    else if (now - item.createdAt < FAILED_SHOWN_MS) {
      const r = item.result;
      if (r && 'error' in r) mark = { kind: 'failed', message: r.error };
      else if (r?.status === 'rejected') mark = { kind: 'failed', message: r.message };
      else if (item.state === 'failed') mark = { kind: 'failed', message: 'failed' };
    }
    if (!mark) continue;
    // A queued action outranks an older refusal of the same alarm.
    for (const id of alarmIdsOf(item.args)) if (marks.get(id)?.kind !== 'pending') marks.set(id, mark);
  }
  return marks;
}
