import { describe, expect, it } from 'vitest';
import { checkDraft, newDraft, setField } from './rule-draft';

describe('the rule draft', () => {
  it('places each problem next to its field', () => {
    const check = checkDraft(setField(newDraft('threshold'), 'limit', Number.NaN));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect([...check.errors.keys()].sort()).toEqual(['id', 'limit', 'name']);
  });

  it('accepts a complete threshold rule and sets nested fields', () => {
    let d = newDraft('threshold');
    d = setField(d, 'id', 'cpi-ha-noi');
    d = setField(d, 'name', 'CPI Hà Nội vượt 4 %');
    d = setField(d, 'area.province', '01');
    d = setField(d, 'watch.key', '01:cpi');
    d = setField(d, 'limit', 4);
    const check = checkDraft(d);
    expect(check.ok && check.rule).toMatchObject({ kind: 'threshold', limit: 4, area: { province: '01' } });
  });

  it('gives every kind a draft that needs only an id and a name', () => {
    for (const kind of ['threshold', 'rate', 'plan-deviation', 'stale', 'task-due'] as const) {
      const check = checkDraft({ ...newDraft(kind), id: 'r', name: 'Quy tắc' });
      expect(check.ok, kind).toBe(true);
    }
  });
});
