import { describe, expect, it } from 'vitest';
import { parseSelector, selectAll, selectValue, type Selector } from './json-selector.js';

function sel(text: string): Selector {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.selector;
}

const doc = { data: { items: [{ v: 1, tinh: '01' }, { v: 2 }, { v: 3, tags: ['a', 'b'] }] }, n: 0 };

describe('json selector', () => {
  it('reaches nested fields, indexes and every element', () => {
    expect(selectAll(doc, sel('$'))).toEqual([doc]);
    expect(selectValue(doc, sel('$.n'))).toBe(0);
    expect(selectValue(doc, sel('data.items[0].tinh'))).toBe('01');
    expect(selectValue(doc, sel('$.data.items[*].v'))).toEqual([1, 2, 3]);
    expect(selectAll(doc, sel('$.data.items[*].tags[*]'))).toEqual(['a', 'b']);
  });

  it('finds nothing rather than failing when the shape differs', () => {
    expect(selectValue(doc, sel('$.data.items[9].v'))).toBeUndefined();
    expect(selectValue(doc, sel('$.n.x'))).toBeUndefined();
    expect(selectAll(doc, sel('$.data[*]'))).toEqual([]);
    expect(selectValue({}, sel('$.constructor'))).toBeUndefined();
    expect(selectValue({ a: [1] }, sel('$.a.length'))).toBeUndefined();
  });

  it('refuses what it does not support, naming where', () => {
    for (const bad of ['$..a', '$.a[?(@.x)]', '$.a[-1]', 'a b', '$.a[', '$.a.']) {
      const parsed = parseSelector(bad);
      expect(parsed.ok, bad).toBe(false);
    }
    expect(parseSelector('$.a[x]')).toMatchObject({ ok: false, error: expect.stringContaining('[n] or [*]') });
  });
});
