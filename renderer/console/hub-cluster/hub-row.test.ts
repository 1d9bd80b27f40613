import { describe, expect, it } from 'vitest';
import type { HubAnswer, HubView } from '../../../src/contract/hub-cluster.js';
import { hubRow } from './hub-row.js';

const answer = (over: Partial<HubAnswer> = {}): HubAnswer => ({
  version: '1',
  log: 'jetstream',
  name: 'hub-a',
  producer: false,
  natsConnected: true,
  waiting: 0,
  refused: 0,
  ...over,
});
const view = (over: Partial<HubView>): HubView => ({
  url: 'http://a',
  current: false,
  reach: 'ok',
  error: null,
  checkedAt: 1,
  answer: answer(),
  ...over,
});

describe('a hub as a row of the console', () => {
  it('produces, stands by, or is a fault whatever else it says', () => {
    expect(hubRow(view({ answer: answer({ producer: true }) }))).toEqual({
      health: 'producing',
      notes: [{ key: 'producing' }],
    });
    expect(hubRow(view({}))).toEqual({ health: 'standby', notes: [{ key: 'standby' }] });
    expect(hubRow(view({ answer: answer({ producer: true, natsConnected: false }) }))).toEqual({
      health: 'fault',
      notes: [{ key: 'natsLost' }, { key: 'producing' }],
    });
  });

  it('names events waiting and messages refused only when there are some', () => {
    expect(hubRow(view({ answer: answer({ waiting: 1234, refused: 2 }) })).notes).toEqual([
      { key: 'standby' },
      { key: 'waiting', n: 1234 },
      { key: 'refused', n: 2 },
    ]);
  });

  it('says a hub that does not answer, or answers nonsense, is a fault', () => {
    for (const reach of ['unreachable', 'invalid'] as const) {
      expect(hubRow(view({ reach, error: 'x', answer: null }))).toEqual({ health: 'fault', notes: [{ key: reach }] });
    }
    expect(hubRow(view({ reach: 'pending', checkedAt: null, answer: null })).health).toBe('pending');
  });

  it('takes a SQLite hub (no NATS) as producing, not as having lost NATS', () => {
    const sqlite = answer({ log: 'sqlite', name: null, producer: true, natsConnected: null });
    expect(hubRow(view({ answer: sqlite })).health).toBe('producing');
  });
});
