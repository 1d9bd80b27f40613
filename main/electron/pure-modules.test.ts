// The modules unit-tested here must not load `electron` at run time: under plain Node, requiring the
// electron package would try to download its binary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const PURE = [
  'app-protocol.ts',
  'csp.ts',
  'displays.ts',
  'host-messages.ts',
  'paths.ts',
  'request-policy.ts',
  'shell-args.ts',
  'window-options.ts',
];

describe('pure modules', () => {
  it.each(PURE)('%s imports electron for types only', (file) => {
    const source = readFileSync(path.join(here, file), 'utf8');
    const valueImports = source.match(/^import\s+(?!type\b)[^;]*from\s+'electron(\/[^']*)?';/gm) ?? [];
    expect(valueImports).toEqual([]);
  });
});
