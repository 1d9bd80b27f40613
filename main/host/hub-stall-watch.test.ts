import { describe, expect, it } from 'vitest';
import { HubStallWatch } from './hub-stall-watch.js';

/** Checks once a second from `from` to `to` (exclusive), returning the verdicts that were not 'ok'. */
function run(watch: HubStallWatch, from: number, to: number): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let t = from; t < to; t += 1000) {
    const v = watch.check(t);
    if (v !== 'ok') out.push([t, v]);
  }
  return out;
}

describe('telling a stalled hub from a quiet one', () => {
  it('probes after a third of the timeout of silence, once, and counts the hub stalled at the timeout', () => {
    const watch = new HubStallWatch(9000, 1000, 0);
    expect(run(watch, 1000, 10_000)).toEqual([
      [3000, 'probe'],
      [9000, 'stalled'],
    ]);
  });

  it('never counts a quiet hub stalled while it answers the probes', () => {
    const watch = new HubStallWatch(9000, 1000, 0);
    const probes: number[] = [];
    for (let t = 1000; t < 60_000; t += 1000) {
      const v = watch.check(t);
      expect(v).not.toBe('stalled');
      if (v === 'probe') {
        probes.push(t);
        watch.heard(t + 20); // the answer
      }
    }
    expect(probes.length).toBeGreaterThan(10);
  });

  it('does not blame the hub for a silence this process caused (checked late: it was busy)', () => {
    const watch = new HubStallWatch(9000, 1000, 0);
    expect(watch.check(1000)).toBe('ok');
    expect(watch.check(15_000)).toBe('ok'); // 14 s without a check: the silence is ours
    expect(run(watch, 16_000, 25_000)).toEqual([
      [18_000, 'probe'],
      [24_000, 'stalled'],
    ]);
  });
});
