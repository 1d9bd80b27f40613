import { describe, expect, it } from 'vitest';
import type { Envelope } from '../contract/hub-protocol.js';
import { LatestValues } from './latest-values.js';

const ev = (offset: number, key: string, value: number): Envelope => ({
  topic: 'econ.live',
  offset,
  time: offset * 1000,
  source: 'test',
  key,
  payload: { metric: key, value, sourceSystem: 'x' },
});

describe('latest values', () => {
  it('keeps the newest event of every key', () => {
    const lv = new LatestValues();
    lv.apply(ev(1, 'a', 1));
    lv.apply(ev(2, 'b', 2));
    lv.apply(ev(3, 'a', 3));
    expect(lv.get('econ.live', 'a')?.offset).toBe(3);
    expect(lv.size).toBe(2);
    expect(lv.offset('econ.live')).toBe(3);
  });

  it('never lets an old or repeated offset overwrite a newer one', () => {
    const lv = new LatestValues();
    expect(lv.apply(ev(5, 'a', 5))).toBe(true);
    expect(lv.apply(ev(4, 'a', 4))).toBe(false);
    expect(lv.apply(ev(5, 'a', 99))).toBe(false);
    expect((lv.get('econ.live', 'a')?.payload as { value: number }).value).toBe(5);
  });
});
