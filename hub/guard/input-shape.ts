// The shape of what a client sent, checked before any schema parse or JSON.stringify touches it. zod, V8's
// JSON.stringify and SQLite's JSON functions all recurse, so a value nested 50,000 deep overflows the stack in any
// of them; this walk is iterative and stops at the first value over a limit, so no message can make it recurse or
// run long.

export interface InputLimits {
  /** Levels of nesting: the message itself is level 1, its fields level 2, … */
  maxDepth: number;
  /** Keys of one object. */
  maxKeys: number;
  /** Items of one array. */
  maxItems: number;
  /** Characters of one string (or key). */
  maxStringLength: number;
  /** Values in the whole message: bounds the work of the schema parse that follows. */
  maxValues: number;
}

export const INPUT_LIMITS: InputLimits = {
  // The deepest message, preset.save, is 8 levels down to a tile's settings; 32 leaves a widget 24 of its own.
  maxDepth: 32,
  maxKeys: 1000,
  // The longest list the protocol has is 200 tiles of a surface; a widget's settings may list more (series).
  maxItems: 10_000,
  // As long as a whole message may be: the one long string a client sends is an image tile's data: URL.
  maxStringLength: 1_000_000,
  maxValues: 100_000,
};

/** Keys that reach an object's prototype when a parser or a merge assigns them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: Frame | undefined;
}

function pathOf(frame: Frame): string {
  const parts: string[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) {
    parts.push(typeof f.key === 'number' ? `[${f.key}]` : `.${f.key.length > 40 ? `${f.key.slice(0, 40)}…` : f.key}`);
  }
  return parts.length === 0 ? 'the message' : parts.reverse().join('').replace(/^\./, '');
}

function isBinary(value: object): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Why `value` is not plain JSON within `limits`, naming where; undefined when it is. */
export function inputShapeProblem(value: unknown, limits: InputLimits = INPUT_LIMITS): string | undefined {
  const stack: Frame[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  let values = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (++values > limits.maxValues) return `more than ${limits.maxValues} values in one message`;
    const v = frame.value;
    const at = (): string => pathOf(frame);
    if (frame.depth > limits.maxDepth) return `${at()}: nested deeper than ${limits.maxDepth} levels`;
    switch (typeof v) {
      case 'string':
        if (v.length > limits.maxStringLength) {
          return `${at()}: a string of ${v.length} characters (at most ${limits.maxStringLength})`;
        }
        continue;
      case 'number':
        if (!Number.isFinite(v)) return `${at()}: ${v} is not a JSON number`;
        continue;
      case 'boolean':
      case 'undefined':
        continue;
      case 'object':
        break;
      default:
        return `${at()}: a ${typeof v} is not JSON`;
    }
    if (v === null) continue;
    if (isBinary(v)) return `${at()}: binary data is not accepted (the hub protocol is JSON)`;
    if (Array.isArray(v)) {
      if (v.length > limits.maxItems) return `${at()}: ${v.length} items (at most ${limits.maxItems})`;
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] as unknown, depth: frame.depth + 1, key: i, parent: frame });
      }
      continue;
    }
    if (!isPlainObject(v)) return `${at()}: not a plain object`;
    const keys = Object.keys(v);
    if (keys.length > limits.maxKeys) return `${at()}: ${keys.length} keys (at most ${limits.maxKeys})`;
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key)) return `${at()}: the key "${key}" is not accepted`;
      if (key.length > limits.maxStringLength) return `${at()}: a key of ${key.length} characters`;
      stack.push({ value: (v as Record<string, unknown>)[key], depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}
