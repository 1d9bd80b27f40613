// Every message key the renderer names literally must exist, so no raw "kpi.foo" reaches the wall.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../src/i18n/messages.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('message keys used by the renderer', () => {
  const root = join(import.meta.dirname, '..');
  const used = sources(root).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_]+\.[a-zA-Z_.]+)'/g)].map((m) => ({
      file,
      key: m[1] ?? '',
    })),
  );

  it('finds the keys it checks', () => {
    expect(used.length).toBeGreaterThan(50);
  });

  it('all exist in the catalogue', () => {
    const missing = used.filter((u) => !hasMessage(u.key)).map((u) => `${u.key} (${u.file})`);
    expect(missing).toEqual([]);
  });
});
