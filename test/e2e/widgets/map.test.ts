// The map tile in Chromium with fixture indicators for all 34 provinces: with software WebGL it draws exactly the
// 34 provinces under their Vietnamese names and its legend colours are on the canvas; without WebGL it says so
// and shows the 34 figures as a table; bad settings and a broken boundary file show an error in their own tile
// while the clock beside them keeps ticking; a site's points file is drawn, and a broken one is reported in its tile
// while that map still draws its provinces.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tile } from '../../../src/contract/wall.js';
import { OLD_PROVINCES } from '../../../src/domain/geo/old-provinces.js';
import { PROVINCES } from '../../../src/domain/provinces.js';
import type { NewEvent } from '../../../hub/event-log.js';
import { REPO } from '../../support/cli-process.js';
import { startWidgetHarness, type WidgetHarness } from '../../support/widget-harness.js';

const shots = join(REPO, 'test-results', 'widgets');
const SOFTWARE_WEBGL = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
const NO_WEBGL = ['--disable-gpu', '--disable-software-rasterizer', '--disable-webgl', '--disable-3d-apis'];
const NAMES = PROVINCES.map((p) => p.name);
const OLD_CODES = OLD_PROVINCES.map((p) => p.code);

/** GRDP growth for every province: 5,0% to 11,6%, all distinct, so five quantile classes each hold some. */
const fixtures: NewEvent[] = PROVINCES.map((p, i) => ({
  topic: 'econ.indicators',
  key: `${p.code}:gdp_growth`,
  source: 'test',
  time: Date.now() - 60_000,
  payload: {
    province: p.code,
    indicator: 'gdp_growth',
    value: 5 + i * 0.2,
    period: '2026-Q3',
    status: 'official',
    sourceSystem: 'Cục Thống kê (Bộ Tài chính)',
  },
}));

const tile = (
  id: string,
  kind: string,
  x: number,
  w: number,
  h: number,
  settings: Record<string, unknown>,
  y = 0,
): Tile => ({ id, kind, x, y, w, h, settings });
/** One figure per former province (63 codes), as a 2024 statistical yearbook would publish it. */
const LEGACY = {
  title: 'FDI 2024',
  unit: 'triệu USD',
  aggregate: 'sum',
  values: Object.fromEntries(OLD_CODES.map((code, i) => [code, 100 + i * 10])),
};

const clock = tile('clock', 'clock', 9, 3, 3, { zones: ['Asia/Ho_Chi_Minh'] });

/** RGBA pixels of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots are). */
function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      if (!channels) throw new Error(`PNG colour type ${data[9]} not handled`);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? line[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      line[x] = (v + [0, a, b, (a + b) >> 1, paeth][filter!]!) & 255;
    }
    for (let x = 0; x < width; x++) {
      out.set([line[x * channels]!, line[x * channels + 1]!, line[x * channels + 2]!, 255], (y * width + x) * 4);
    }
    prev.set(line);
  }
  return { width, height, rgba: out };
}

/** How many pixels are within `tolerance` of each colour. */
function countColours(png: Buffer, colours: string[], tolerance = 3): Map<string, number> {
  const { rgba } = decodePng(png);
  const targets = colours.map((hex) => [hex, [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))] as const);
  const counts = new Map(colours.map((c) => [c, 0]));
  for (let i = 0; i < rgba.length; i += 4) {
    for (const [hex, [r, g, b]] of targets) {
      if (
        Math.abs(rgba[i]! - r!) <= tolerance &&
        Math.abs(rgba[i + 1]! - g!) <= tolerance &&
        Math.abs(rgba[i + 2]! - b!) <= tolerance
      ) {
        counts.set(hex, (counts.get(hex) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function watchPage(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
}

describe('map tile with software WebGL', () => {
  let harness: WidgetHarness;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    harness = await startWidgetHarness({
      tiles: [tile('map', 'map', 0, 9, 8, { indicator: 'gdp_growth' }), clock],
      fixtures,
      chromiumArgs: SOFTWARE_WEBGL,
    });
    page = await harness.open();
    watchPage(page, problems);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('draws exactly the 34 provinces, named in Vietnamese, with a five-class legend', async () => {
    const started = Date.now();
    const map = page.locator('[data-tile-id="map"] [data-testid="map"]');
    await map.and(page.locator('[data-province-count="34"]')).waitFor({ timeout: 60_000 });
    console.log(`map: provinces drawn ${Date.now() - started} ms after the page showed its tiles`);
    expect(await map.getAttribute('data-webgl')).toBe('on');
    const names = await page.locator('[data-testid="map-labels"] li').allTextContents();
    expect(names).toHaveLength(34);
    expect([...names].sort()).toEqual([...NAMES].sort());
    const legend = page.locator('[data-testid="map-legend"] [data-color]');
    expect(await legend.count()).toBe(5);
    expect(await page.locator('[data-testid="map-legend"]').textContent()).toMatch(
      /^Tăng trưởng GRDP \(%\)[\s\S]*5,0 – \d,\d\(\d+\)$/,
    );
    await expect.poll(() => page.locator('[data-tile-id="map"]').textContent()).toMatch(/34\/34 tỉnh, thành phố/);
    // The clock beside it is unaffected by the canvas.
    expect(await page.locator('[data-tile-id="clock"]').getAttribute('data-state')).toBe('ok');
  });

  it('puts every legend colour on the canvas', async () => {
    const colours = await page
      .locator('[data-testid="map-legend"] [data-color]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-color') ?? ''));
    // Labels are drawn once their font is in: wait for it and a frame or two, then keep the view for people.
    await page.locator('[data-tile-id="map"] .map__canvas[data-font="ready"]').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'map-webgl.png') });
    // The legend's own swatches sit over the map: hide it so only the canvas can supply the colours.
    await page.locator('[data-testid="map-legend"]').evaluate((e) => ((e as HTMLElement).style.visibility = 'hidden'));
    const png = await page.locator('[data-tile-id="map"] .map__canvas').screenshot();
    await page.locator('[data-testid="map-legend"]').evaluate((e) => ((e as HTMLElement).style.visibility = ''));
    writeFileSync(join(shots, 'map-webgl-canvas.png'), png);
    const counts = countColours(png, colours);
    for (const colour of colours) expect(counts.get(colour), colour).toBeGreaterThan(200);
  });

  it('tells the province and its figure on hover', async () => {
    const hcm = page.locator('[data-testid="map-labels"] li[data-code="79"]');
    const [x, y] = [Number(await hcm.getAttribute('data-x')), Number(await hcm.getAttribute('data-y'))];
    const box = await page.locator('[data-tile-id="map"] .map__canvas').boundingBox();
    await page.mouse.move(box!.x + x, box!.y + y + 4);
    const tooltip = page.locator('[data-testid="map-tooltip"]');
    await tooltip.waitFor({ timeout: 10_000 });
    const index = PROVINCES.findIndex((p) => p.code === '79');
    const value = (5 + index * 0.2).toFixed(1).replace('.', ',');
    expect(await tooltip.textContent()).toContain('Thành phố Hồ Chí Minh');
    expect(await tooltip.textContent()).toContain(`Tăng trưởng GRDP: ${value}%`);
    expect(await tooltip.textContent()).toContain('Quý III/2026');
    await page.screenshot({ path: join(shots, 'map-webgl-hover.png') });
    expect(problems).toEqual([]);
  });
});

describe('map tile without WebGL', () => {
  let harness: WidgetHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startWidgetHarness({
      tiles: [tile('map', 'map', 0, 9, 8, { indicator: 'gdp_growth' }), clock],
      fixtures,
      chromiumArgs: NO_WEBGL,
    });
    page = await harness.open();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('says so and shows the 34 provinces as a table', async () => {
    const map = page.locator('[data-tile-id="map"] [data-testid="map"]');
    await map.waitFor({ timeout: 30_000 });
    expect(await map.getAttribute('data-webgl')).toBe('off');
    expect(await map.textContent()).toContain('không có WebGL');
    const rows = page.locator('[data-testid="map-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(34);
    const names = await page.locator('[data-testid="map-table"] tbody th').allTextContents();
    expect([...names].sort()).toEqual([...NAMES].sort());
    // Highest first, with the Vietnamese number format.
    expect(await rows.first().locator('th').textContent()).toBe(NAMES[33]);
    expect(await rows.first().locator('td').first().textContent()).toBe('11,6');
    expect(await page.locator('[data-testid="map-legend"] [data-color]').count()).toBe(5);
    await page.screenshot({ path: join(shots, 'map-no-webgl.png') });
  });
});

describe('map tile with bad settings or a broken boundary file', () => {
  let harness: WidgetHarness;
  let page: Page;

  beforeAll(async () => {
    // A real file of the bundle that is not a province boundary file: the archipelagos have no province codes.
    const wrongFile = readdirSync(join(REPO, 'dist', 'renderer', 'assets')).find((f) =>
      f.startsWith('vn_archipelagos'),
    );
    harness = await startWidgetHarness({
      tiles: [
        tile('bad-indicator', 'map', 0, 3, 4, { indicator: 'gdp' }),
        tile('wrong-file', 'map', 3, 3, 4, { boundaryUrl: `assets/${wrongFile}` }),
        tile('missing-file', 'map', 6, 3, 4, { boundaryUrl: 'site/provinces-2025.geojson' }),
        clock,
        // Old statistics under the 63 former codes, on the public-domain boundaries: joined onto all 34.
        tile('legacy', 'map', 0, 6, 4, { boundaries: 'public-domain', legacy: LEGACY }, 4),
      ],
      fixtures,
      chromiumArgs: SOFTWARE_WEBGL,
    });
    page = await harness.open();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('shows a clear error inside each broken tile while the clock keeps running', async () => {
    const errorOf = async (id: string): Promise<string> => {
      const t = page.locator(`[data-tile-id="${id}"][data-state="error"]`);
      await t.waitFor({ timeout: 30_000 });
      return (await t.textContent()) ?? '';
    };
    expect(await errorOf('bad-indicator')).toMatch(/Cấu hình của ô không hợp lệ[\s\S]*indicator/);
    expect(await errorOf('wrong-file')).toMatch(/province boundary file of this site[\s\S]*properties\.code/);
    expect(await errorOf('missing-file')).toMatch(/site\/provinces-2025\.geojson" answered HTTP 404/);
    const clockTile = page.locator('[data-tile-id="clock"]');
    expect(await clockTile.getAttribute('data-state')).toBe('ok');
    const before = await clockTile.locator('time').textContent();
    await expect.poll(() => clockTile.locator('time').textContent(), { timeout: 5000 }).not.toBe(before);
    const legacy = page.locator('[data-tile-id="legacy"] [data-testid="map"]');
    await legacy.and(page.locator('[data-province-count="34"]')).waitFor({ timeout: 60_000 });
    expect(await legacy.textContent()).toMatch(/FDI 2024 \(triệu USD\) · 34\/34 tỉnh, thành phố có số liệu/);
    expect(await legacy.textContent()).toContain('Made with Natural Earth');
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(shots, 'map-errors.png') });
  });
});

describe('map tile with a site points file', () => {
  let harness: WidgetHarness;
  let page: Page;
  // Site files are served from the renderer folder's `site/` (as `boundaryUrl` files are); the host's static server
  // lists the folder when it starts, so the files are written first.
  const site = join(REPO, 'dist', 'renderer', 'site');
  const goodFile = join(site, 'e2e-points.json');
  const badFile = join(site, 'e2e-points-broken.json');
  const N = 5000;

  beforeAll(async () => {
    mkdirSync(site, { recursive: true });
    const lon = Array.from({ length: N }, (_, i) => 103 + ((i * 7919) % 5000) / 1000);
    const lat = Array.from({ length: N }, (_, i) => 9 + ((i * 104729) % 12000) / 1000);
    const kind = Array.from({ length: N }, (_, i) => (['project', 'camera', 'other'] as const)[i % 3]);
    writeFileSync(goodFile, JSON.stringify({ lon, lat, kind, value: lon.map((_, i) => i % 10) }));
    writeFileSync(badFile, JSON.stringify({ lon: [105, 106, 107], lat: [21, 95, 11] }));
    harness = await startWidgetHarness({
      tiles: [
        tile('points', 'map', 0, 5, 8, { pointsUrl: 'site/e2e-points.json', pointRadius: 2 }),
        tile('broken-points', 'map', 5, 4, 8, { pointsUrl: 'site/e2e-points-broken.json' }),
        clock,
      ],
      fixtures,
      chromiumArgs: SOFTWARE_WEBGL,
    });
    page = await harness.open();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    rmSync(goodFile, { force: true });
    rmSync(badFile, { force: true });
  });

  it('draws the points of the file over the provinces', async () => {
    const map = page.locator('[data-tile-id="points"] [data-testid="map"]');
    await map.and(page.locator(`[data-points-drawn="${N}"]`)).waitFor({ timeout: 60_000 });
    expect(await map.getAttribute('data-points')).toBe(String(N));
    await map.and(page.locator('[data-province-count="34"]')).waitFor({ timeout: 30_000 });
    // Dots of the three kinds' colours are on the canvas (amber projects, blue cameras).
    await page.waitForTimeout(500);
    // Software WebGL on a busy machine can take tens of seconds to hand over a stable frame.
    const png = await page.locator('[data-tile-id="points"] .map__canvas').screenshot({ timeout: 90_000 });
    writeFileSync(join(shots, 'map-points-file.png'), png);
    const counts = countColours(png, ['#ffb627', '#62d0ff'], 6);
    expect(counts.get('#ffb627')).toBeGreaterThan(100);
    expect(counts.get('#62d0ff')).toBeGreaterThan(100);
  });

  it('says what is wrong with a broken file in its tile, and still draws the provinces', async () => {
    const map = page.locator('[data-tile-id="broken-points"] [data-testid="map"]');
    const notice = map.locator('[data-testid="map-points-error"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(
      /Không vẽ được các điểm: points file of this site "site\/e2e-points-broken\.json" is not valid: lat\[1\] = 95: must be a number within -90…90/,
    );
    expect(await map.getAttribute('data-points')).toBe('failed');
    await map.and(page.locator('[data-province-count="34"]')).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-tile-id="broken-points"]').getAttribute('data-state')).not.toBe('error');
    expect(await page.locator('[data-tile-id="clock"]').getAttribute('data-state')).toBe('ok');
    await page.screenshot({ path: join(shots, 'map-points-errors.png') });
  });
});
