import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { FeedBroadcast } from './feed-broadcast.js';

const ev = (offset: number): Envelope => ({
  topic: 'econ.live',
  offset,
  time: offset,
  source: 't',
  key: 'k',
  payload: { value: offset },
});

describe('FeedBroadcast', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first batch at once, then everything of the next 50 ms in one message, in order', () => {
    const sent: number[][] = [];
    const b = new FeedBroadcast((events) => sent.push(events.map((e) => e.offset)), 50);
    b.push([ev(1)]);
    for (let o = 2; o <= 10; o++) {
      vi.advanceTimersByTime(5);
      b.push([ev(o)]);
    }
    expect(sent).toEqual([[1]]);
    vi.advanceTimersByTime(5);
    expect(sent).toEqual([[1], [2, 3, 4, 5, 6, 7, 8, 9, 10]]);
  });

  it('flush sends what is queued now (before a resync), and close drops the rest', () => {
    const sent: number[][] = [];
    const b = new FeedBroadcast((events) => sent.push(events.map((e) => e.offset)), 50);
    b.push([ev(1)]);
    b.push([ev(2), ev(3)]);
    b.flush();
    expect(sent).toEqual([[1], [2, 3]]);
    b.flush();
    b.push([ev(4)]);
    b.close();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([[1], [2, 3]]);
  });
});
