import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { LatestStore } from './latest-store';

const ev = (topic: Envelope['topic'], offset: number, key: string, value: number): Envelope => ({
  topic,
  offset,
  time: 1000 + offset,
  source: 'test',
  key,
  payload: { value },
});

describe('LatestStore', () => {
  it('applies batches, ignoring offsets it already holds, and notifies once per useful batch', () => {
    const store = new LatestStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.apply([ev('econ.live', 1, 'a', 1), ev('econ.live', 2, 'a', 2)])).toBe(2);
    expect(store.apply([ev('econ.live', 2, 'a', 99)])).toBe(0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.values.get('econ.live', 'a')?.payload).toEqual({ value: 2 });
  });

  it('versions topics separately', () => {
    const store = new LatestStore();
    const live = store.version(['econ.live']);
    const alerts = store.version(['ops.alerts']);
    store.apply([ev('econ.live', 1, 'a', 1)]);
    expect(store.version(['econ.live'])).not.toBe(live);
    expect(store.version(['ops.alerts'])).toBe(alerts);
  });

  it('keeps every key of a snapshot whatever its order', () => {
    const store = new LatestStore();
    store.reset([
      ev('econ.live', 9, 'c', 3),
      ev('econ.live', 2, 'a', 1),
      ev('ops.alerts', 1, 'x', 0),
      ev('econ.live', 5, 'b', 2),
    ]);
    expect(
      store.values
        .topic('econ.live')
        .map((e) => e.key)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(store.values.size).toBe(4);
  });

  it('replaces everything on reset, so a restarted log with lower offsets is taken', () => {
    const store = new LatestStore();
    store.apply([ev('econ.live', 50, 'a', 1)]);
    const before = store.version(['ops.alerts']);
    store.reset([ev('econ.live', 3, 'a', 7)]);
    expect(store.values.get('econ.live', 'a')?.payload).toEqual({ value: 7 });
    expect(store.version(['ops.alerts'])).not.toBe(before);
    expect(store.apply([ev('econ.live', 4, 'a', 8)])).toBe(1);
  });
});
