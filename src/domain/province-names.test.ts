// Every label of a province comes from one place (PROVINCES, through provinceName), and the files and texts the
// product ships agree with it. "Hồ Chí Minh" alone reads as the President's name: as a place it is always
// "TP Hồ Chí Minh" or "Thành phố Hồ Chí Minh" ("Ho Chi Minh City" in English).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_TEMPLATES, SOURCE_SYSTEMS, TASK_TITLES, TASK_UNITS } from '../../hub/demo-catalog.js';
import { MESSAGES, messageKeys } from '../i18n/messages.js';
import { defaultSurfaces, virtualMonitors } from './default-wall.js';
import { OLD_PROVINCES } from './geo/old-provinces.js';
import { DEMO_PRESETS } from './presets/demo-presets.js';
import { PROVINCES, provinceByCode, provinceName } from './provinces.js';

const REPO = join(import.meta.dirname, '../..');
const GEODATA = join(REPO, 'assets/geodata');

interface Feature {
  properties: Record<string, unknown>;
}

function features(file: string): Feature[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { features: Feature[] }).features;
}

/** Every province boundary file shipped, public-domain and CC BY-SA, 34 and pre-2025 63. */
const BOUNDARY_FILES = [GEODATA, join(GEODATA, 'optional_cc-by-sa')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /^vn_provinces_.*\.geojson$/.test(f))
    .map((f) => join(dir, f)),
);

const CROSSWALK = readFileSync(join(GEODATA, 'vn_province_crosswalk_63_to_34.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => row.split(','));

/** Every text the product shows that can name a place. */
function shownTexts(): string[] {
  const leaves = (tree: object): string[] =>
    messageKeys(tree).map(
      (key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string,
    );
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(strings)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];
  return [
    ...leaves(MESSAGES.vi),
    ...leaves(MESSAGES.en),
    ...PROVINCES.flatMap((p) => [p.name, p.fullName, p.nameEn]),
    ...PROVINCES.flatMap((p) => [provinceName(p.code, 'vi'), provinceName(p.code, 'vi', 'full')]),
    ...OLD_PROVINCES.map((p) => p.name),
    ...BOUNDARY_FILES.flatMap((file) => features(file).flatMap((f) => strings(f.properties))),
    ...CROSSWALK.flat(),
    ...TASK_TITLES,
    ...TASK_UNITS,
    ...ALERT_TEMPLATES.map((a) => a.title),
    ...Object.values(SOURCE_SYSTEMS),
    ...strings(defaultSurfaces(virtualMonitors()).map((s) => s.layout)),
    ...strings(DEMO_PRESETS),
  ];
}

describe('province names', () => {
  it('never show "Hồ Chí Minh" alone as a place', () => {
    const texts = shownTexts();
    expect(texts.length).toBeGreaterThan(500);
    const bare = texts.filter((s) => /(?<!TP |Thành phố |thành phố )Hồ Chí Minh|Ho Chi Minh(?! City)/.test(s));
    expect(bare).toEqual([]);
    expect(provinceName('79', 'vi')).toBe('TP Hồ Chí Minh');
    expect(provinceName('79', 'vi', 'full')).toBe('Thành phố Hồ Chí Minh');
    expect(provinceName('79', 'en')).toBe('Ho Chi Minh City');
  });

  it.each(BOUNDARY_FILES.map((f) => [f.slice(REPO.length + 1), f]))(
    '%s names each province as PROVINCES does',
    (_, file) => {
      const list = features(file);
      expect(list.length).toBeGreaterThanOrEqual(34);
      for (const { properties: p } of list) {
        const now = provinceByCode(String(p.code_2025 ?? p.code));
        expect(now, String(p.code)).toBeDefined();
        if (p.code_2025 === undefined) {
          // A file of the 34: its display, full and English names are ours.
          expect([p.name, p.full_name, p.name_en]).toEqual([now!.name, now!.fullName, now!.nameEn]);
        } else {
          expect(p.name_2025).toBe(now!.name);
        }
      }
    },
  );

  it('are the display column of the 63→34 crosswalk', () => {
    expect(CROSSWALK).toHaveLength(63);
    for (const [, , , , newCode, newName, newNameEn] of CROSSWALK) {
      expect([newName, newNameEn]).toEqual([provinceName(newCode!, 'vi'), provinceName(newCode!, 'en')]);
    }
  });

  it('reach the screen only through provinceName, never read from the table field by field', () => {
    // A view that picks `name` or `nameEn` itself can forget the locale or the short form; one function decides.
    const offenders: string[] = [];
    const scan = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const source = readFileSync(path, 'utf8');
          if (/provinceByCode\([^)]*\)\??\.(name|nameEn|fullName)\b|\.nameEn\s*[:)]/.test(source)) offenders.push(path);
        }
      }
    };
    scan(join(REPO, 'renderer'));
    expect(offenders.map((p) => p.slice(REPO.length + 1))).toEqual([]);
  });
});
