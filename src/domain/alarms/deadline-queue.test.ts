import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from './deadline-queue.js';

describe('deadline queue', () => {
  it('property: gives back what is due, earliest first, ties in the order added', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 60 }),
        (deadlines, now) => {
          const q = new DeadlineQueue<number>();
          deadlines.forEach((at, i) => q.push(at, i));
          const due: number[] = [];
          for (let d = q.popDue(now); d; d = q.popDue(now)) due.push(d.item);
          const expected = deadlines
            .map((at, i) => ({ at, i }))
            .filter((d) => d.at <= now)
            .sort((a, b) => a.at - b.at || a.i - b.i)
            .map((d) => d.i);
          expect(due).toEqual(expected);
          expect(q.size).toBe(deadlines.length - expected.length);
        },
      ),
    );
  });
});
