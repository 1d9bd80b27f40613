import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../src/contract/bridge.js';
import { pendingByAlarm } from './outbox-pending';

const NOW = 1_800_000_000_000;
const item = (over: Partial<OutboxItem>): OutboxItem => ({
  id: 1,
  key: 'k',
  name: 'alarm.acknowledge',
  args: { alarmIds: ['a', 'b'] },
  createdAt: NOW - 1000,
  state: 'queued',
  attempts: 0,
  result: null,
  ...over,
});

describe('pending marks from the outbox', () => {
  it('marks every alarm of a queued action as pending', () => {
    const marks = pendingByAlarm([item({})], NOW);
    expect([...marks.keys()]).toEqual(['a', 'b']);
    expect(marks.get('a')).toEqual({ kind: 'pending' });
  });

  it('shows a recent refusal, forgets an old one, ignores applied and non-alarm items', () => {
    const rejected = { status: 'rejected', reason: 'invalid-state', message: 'đã tiếp nhận', appliedAt: NOW } as const;
    const marks = pendingByAlarm(
      [
        item({ id: 2, name: 'alarm.note', args: { alarmId: 'c' }, state: 'done', result: rejected }),
        item({ id: 3, args: { alarmIds: ['d'] }, state: 'done', result: rejected, createdAt: NOW - 600_000 }),
        item({
          id: 4,
          args: { alarmIds: ['e'] },
          state: 'done',
          result: { status: 'applied', message: 'ok', appliedAt: NOW },
        }),
        item({ id: 5, name: 'wall.activate', args: { alarmId: 'f' } }),
      ],
      NOW,
    );
    expect([...marks]).toEqual([['c', { kind: 'failed', message: 'đã tiếp nhận' }]]);
  });
});
