// Every message key the renderer names literally must exist, so no raw "kpi.foo" reaches the wall: those it passes
// to t(), and the labels named by widget and topic definitions (src/contract/topics.ts).
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
  const roots = [join(import.meta.dirname, '..'), join(import.meta.dirname, '../../src/contract')];
  const used = roots.flatMap(sources).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\b(?:t\(|labelKey:)\s*'([a-zA-Z_]+\.[a-zA-Z_.]+)'/g)].map((m) => ({
      file,
      key: m[1] ?? '',
    })),
  );

  it('finds the keys it checks', () => {
    expect(used.length).toBeGreaterThan(50);
    expect(used.map((u) => u.key)).toEqual(expect.arrayContaining(['widgetKind.map', 'topic.econIndicators']));
  });

  it('all exist in the catalogue', () => {
    const missing = used.filter((u) => !hasMessage(u.key)).map((u) => `${u.key} (${u.file})`);
    expect(missing).toEqual([]);
  });
});
