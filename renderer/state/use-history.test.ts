import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { appendEvents } from './use-history';

const ev = (offset: number, key = 'a'): Envelope => ({
  topic: 'econ.live',
  offset,
  time: offset * 1000,
  source: 't',
  key,
  payload: { value: offset },
});
const all = (): boolean => true;

describe('appendEvents', () => {
  it('appends newer matching events in offset order and skips what is held or repeated', () => {
    const held = [ev(1), ev(2)];
    const next = appendEvents(held, [ev(4), ev(2), ev(3), ev(4)], all, 100);
    expect(next.map((e) => e.offset)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same array when nothing is new, so no render follows', () => {
    const held = [ev(5)];
    expect(appendEvents(held, [ev(3), ev(5)], all, 100)).toBe(held);
    expect(appendEvents(held, [ev(6, 'b')], (e) => e.key === 'a', 100)).toBe(held);
  });

  it('keeps the newest `limit` events', () => {
    const next = appendEvents([ev(1), ev(2)], [ev(3), ev(4), ev(5)], all, 3);
    expect(next.map((e) => e.offset)).toEqual([3, 4, 5]);
  });
});
