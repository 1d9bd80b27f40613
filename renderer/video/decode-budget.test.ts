import { describe, expect, it, vi } from 'vitest';
import { DecodeBudget } from './decode-budget';

describe('DecodeBudget', () => {
  it('grants the first N claims and passes a released slot to the next in line', () => {
    const budget = new DecodeBudget(2);
    const listener = vi.fn();
    budget.subscribe(listener);
    for (const id of ['a', 'b', 'c']) budget.claim(id);
    expect(['a', 'b', 'c'].map((id) => budget.granted(id))).toEqual([true, true, false]);
    budget.release('a');
    expect(budget.granted('c')).toBe(true);
    expect(budget.granted('a')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('ignores a second claim of the same tile and follows a new limit', () => {
    const budget = new DecodeBudget(1);
    budget.claim('a');
    budget.claim('b');
    budget.claim('a');
    expect(budget.granted('b')).toBe(false);
    budget.setLimit(2);
    expect(budget.granted('b')).toBe(true);
    budget.setLimit(0);
    expect(budget.granted('a')).toBe(false);
  });
});
