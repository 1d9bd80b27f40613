import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LeafCredentialsError, readLeafCredentials } from './leaf-credentials';

const dir = mkdtempSync(join(tmpdir(), 'ioc-leaf-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const GOOD = { centre: 'centre', province: 'hue', user: 'hue', password: 'a1'.repeat(32) };

describe("a province's leaf credential file", () => {
  it('reads the file the centre wrote', () => {
    expect(readLeafCredentials(file('good.json', JSON.stringify(GOOD)))).toEqual(GOOD);
  });

  it('refuses a missing file, one that is not JSON, and one that is not a credential, saying which', () => {
    expect(() => readLeafCredentials(join(dir, 'absent.json'))).toThrow(/cannot read --leaf-credentials/);
    expect(() => readLeafCredentials(file('text.json', 'user=hue'))).toThrow(LeafCredentialsError);
    for (const bad of [
      { ...GOOD, password: 'short' },
      { ...GOOD, user: 'h"ue' },
      { ...GOOD, extra: 1 },
      { ...GOOD, province: undefined },
    ]) {
      expect(() => readLeafCredentials(file('bad.json', JSON.stringify(bad)))).toThrow(/not a province's credential/);
    }
  });
});
