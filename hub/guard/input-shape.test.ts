import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DemoSource } from '../demo-source.js';
import { INPUT_LIMITS, inputShapeProblem } from './input-shape.js';

const nested = (depth: number): unknown => {
  let v: unknown = [];
  for (let i = 1; i < depth; i++) v = [v];
  return v;
};

describe('input shape', () => {
  it('accepts the largest messages the product sends: a demo preset saved as a command', () => {
    const presets = new DemoSource({ seed: 1, clock: () => 0 }).initial().filter((e) => e.topic === 'wall.presets');
    expect(presets.length).toBeGreaterThan(0);
    for (const e of presets) {
      const command = {
        key: 'k'.repeat(16),
        name: 'preset.save',
        issuedAt: 1,
        issuer: 'a',
        args: { preset: e.payload },
      };
      expect(inputShapeProblem(command)).toBeUndefined();
    }
  });

  it('refuses nesting deeper than the limit without recursing, whatever the depth', () => {
    expect(inputShapeProblem(nested(INPUT_LIMITS.maxDepth))).toBeUndefined();
    expect(inputShapeProblem(nested(INPUT_LIMITS.maxDepth + 1))).toMatch(/nested deeper than 32 levels/);
    expect(inputShapeProblem(nested(100_000))).toMatch(/nested deeper than 32 levels/);
    expect(inputShapeProblem({ a: { b: [{ c: nested(40) }] } })).toMatch(/^a\.b\[0\]\.c(\[0\])+: nested deeper/);
  });

  it('refuses prototype keys, including an own "__proto__" made by JSON.parse', () => {
    expect(inputShapeProblem(JSON.parse('{"args":{"__proto__":{"admin":true}}}'))).toBe(
      'args: the key "__proto__" is not accepted',
    );
    expect(inputShapeProblem({ constructor: { prototype: {} } })).toMatch(/"constructor"/);
    expect(inputShapeProblem({ a: [{ prototype: 1 }] })).toMatch(/^a\[0\]: the key "prototype"/);
  });

  it('refuses binary data, objects that are not plain, and values JSON does not have', () => {
    expect(inputShapeProblem({ a: Buffer.from('x') })).toMatch(/^a: binary data/);
    expect(inputShapeProblem([new ArrayBuffer(4)])).toMatch(/binary data/);
    expect(inputShapeProblem(new Uint8Array(2))).toMatch(/binary data/);
    expect(inputShapeProblem({ d: new Date(0) })).toMatch(/^d: not a plain object/);
    expect(inputShapeProblem({ m: new Map() })).toMatch(/not a plain object/);
    expect(inputShapeProblem({ f: () => 1 })).toMatch(/^f: a function is not JSON/);
    expect(inputShapeProblem({ n: 1n })).toMatch(/bigint/);
    expect(inputShapeProblem({ s: Symbol('x') })).toMatch(/symbol/);
    expect(inputShapeProblem({ n: Number.NaN })).toMatch(/not a JSON number/);
    expect(inputShapeProblem(Object.create(null) as object)).toBeUndefined();
  });

  it('refuses long strings and keys, long arrays, wide objects and too many values', () => {
    const limits = { maxDepth: 8, maxKeys: 3, maxItems: 4, maxStringLength: 5, maxValues: 20 };
    expect(inputShapeProblem({ s: 'abcdef' }, limits)).toBe('s: a string of 6 characters (at most 5)');
    expect(inputShapeProblem({ abcdef: 1 }, limits)).toMatch(/a key of 6 characters/);
    expect(inputShapeProblem([1, 2, 3, 4, 5], limits)).toBe('the message: 5 items (at most 4)');
    expect(inputShapeProblem({ a: 1, b: 2, c: 3, d: 4 }, limits)).toBe('the message: 4 keys (at most 3)');
    expect(
      inputShapeProblem(
        [
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 4],
        ],
        limits,
      ),
    ).toMatch(/more than 20 values/);
    expect(inputShapeProblem('x'.repeat(10_000_000))).toMatch(/a string of 10000000 characters/);
  });

  it('accepts any JSON value within the limits and never throws on anything', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 10 }), (v) => {
        // fast-check's JSON may hold the forbidden keys; everything else passes.
        const text = JSON.stringify(v);
        if (/"(__proto__|constructor|prototype)":/.test(text)) return;
        expect(inputShapeProblem(JSON.parse(text))).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withTypedArray: true, withNullPrototype: true }),
        (v) => {
          const problem = inputShapeProblem(v);
          expect(problem === undefined || typeof problem === 'string').toBe(true);
        },
      ),
    );
  });
});
