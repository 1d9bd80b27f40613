// The chart tiles in Chromium with fixture data: each canvas shows its series (pixels in the series colour),
// the time series is sampled by LTTB and redrawn at most once a second under a stream of updates, numbers read
// the Vietnamese way; bad settings and bad data show an error inside their own tile while neighbours still draw.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tile } from '../../../src/contract/wall.js';
import { PROVINCES } from '../../../src/domain/provinces.js';
import type { NewEvent } from '../../../hub/event-log.js';
import { REPO } from '../../support/cli-process.js';
import { startWidgetHarness, type WidgetHarness } from '../../support/widget-harness.js';

const shots = join(REPO, 'test-results', 'widgets');
const NOW = Date.now();
const SERIES_POINTS = 3000;

const tile = (id: string, kind: string, [x, y, w, h]: number[], settings: Record<string, unknown>): Tile => ({
  id,
  kind,
  x: x ?? 0,
  y: y ?? 0,
  w: w ?? 1,
  h: h ?? 1,
  settings,
});

/** New business registrations today, one a second for the last 50 minutes: 1.000 rising to 3.999. */
const counter: NewEvent[] = Array.from({ length: SERIES_POINTS }, (_, i) => ({
  topic: 'econ.live',
  key: 'new_businesses_today',
  source: 'test',
  time: NOW - (SERIES_POINTS - i) * 1000,
  payload: {
    metric: 'new_businesses_today',
    value: 1000 + i + (i % 50 === 0 ? 200 : 0),
    sourceSystem: 'Cổng thông tin quốc gia về đăng ký doanh nghiệp',
  },
}));

const indicator = (code: string, ind: string, value: number, key = `${code}:${ind}`): NewEvent => ({
  topic: 'econ.indicators',
  key,
  source: 'test',
  time: NOW - 120_000,
  payload: {
    province: code,
    indicator: ind,
    value,
    period: '2026-10',
    status: code === '79' ? 'preliminary' : 'official',
    sourceSystem:
      ind === 'disbursement'
        ? 'Kho bạc Nhà nước'
        : ind === 'fdi'
          ? 'Cục Đầu tư nước ngoài (Bộ Tài chính)'
          : 'Cục Thống kê (Bộ Tài chính)',
  },
});

const UNITS = ['Bộ Tài chính', 'Bộ Xây dựng', 'Bộ Y tế', 'UBND TP Hà Nội'];
const STATUSES = ['overdue', 'in_progress', 'done_late', 'done_on_time'] as const;
const task = (n: number, key = `NV-${n}`): NewEvent => ({
  topic: 'gov.tasks',
  key,
  source: 'test',
  time: NOW - 60_000,
  payload: {
    id: `NV-${n}`,
    title: `Nhiệm vụ số ${n}`,
    assignedBy: 'government',
    unit: UNITS[n % UNITS.length],
    dueDate: '2026-10-30',
    status: STATUSES[n % STATUSES.length],
  },
});

const fixtures: NewEvent[] = [
  ...counter,
  ...PROVINCES.map((p, i) => indicator(p.code, 'fdi', 50 + i * 12.5)),
  ...PROVINCES.map((p, i) => indicator(p.code, 'disbursement', 30 + (i % 10) * 3)),
  ...Array.from({ length: 22 }, (_, i) => task(i + 1)),
];

/** Pixels of a tile's chart canvas within `tolerance` of an RGB colour. */
async function pixelsOf(
  page: Page,
  tileId: string,
  rgb: readonly [number, number, number],
  tolerance = 40,
): Promise<number> {
  return page.evaluate(
    ({ tileId, rgb, tolerance }) => {
      let count = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`[data-tile-id="${tileId}"] canvas`)) {
        const ctx = canvas.getContext('2d');
        if (!ctx) continue;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) {
          if (
            (data[i + 3] ?? 0) > 200 &&
            Math.abs((data[i] ?? 0) - rgb[0]) <= tolerance &&
            Math.abs((data[i + 1] ?? 0) - rgb[1]) <= tolerance &&
            Math.abs((data[i + 2] ?? 0) - rgb[2]) <= tolerance
          ) {
            count++;
          }
        }
      }
      return count;
    },
    { tileId, rgb, tolerance },
  );
}

const CYAN = [0x62, 0xd0, 0xff] as const;
const AMBER = [0xff, 0xb6, 0x27] as const;
const RED = [0xff, 0x5a, 0x5a] as const;
const GREEN = [0x3d, 0xdc, 0x84] as const;

async function drawn(page: Page, tileId: string): Promise<void> {
  await page.waitForFunction(
    (id) => Number(document.querySelector(`[data-tile-id="${id}"] [data-chart]`)?.getAttribute('data-redraws')) > 0,
    tileId,
    { timeout: 20_000 },
  );
}

async function hooks(page: Page, tileId: string): Promise<{ redraws: number; points: number }> {
  const root = page.locator(`[data-tile-id="${tileId}"] [data-chart]`);
  return {
    redraws: Number(await root.getAttribute('data-redraws')),
    points: Number(await root.getAttribute('data-series-points')),
  };
}

describe('chart tiles with fixture data', () => {
  let harness: WidgetHarness;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    harness = await startWidgetHarness({
      fixtures,
      tiles: [
        tile('ts', 'timeseries', [0, 0, 6, 4], { key: 'new_businesses_today', fractionDigits: 0 }),
        tile('bars', 'bars', [6, 0, 6, 4], { indicator: 'fdi', top: 8 }),
        tile('gauge', 'gauge', [0, 4, 3, 4], { indicator: 'disbursement', target: 60, max: 100 }),
        tile('bullet', 'gauge', [3, 4, 3, 2], {
          indicator: 'disbursement',
          province: '01',
          target: 60,
          style: 'bullet',
        }),
        tile('stacked', 'stacked', [6, 4, 6, 4], { top: 4 }),
        tile('ts-prov', 'timeseries', [3, 6, 3, 2], { topic: 'econ.indicators', key: '79:fdi', windowMinutes: 600 }),
      ],
    });
    page = await harness.open();
    for (const id of ['ts', 'bars', 'gauge', 'bullet', 'stacked', 'ts-prov']) await drawn(page, id);
    // Let the second (coalesced) draw of a tile whose history arrived after its first draw land.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(shots, 'charts.png') });
    for (const id of ['ts', 'bars', 'gauge', 'stacked']) {
      await page.locator(`[data-tile-id="${id}"]`).screenshot({ path: join(shots, `charts-${id}.png`) });
    }
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('draws every chart into a canvas, never SVG', async () => {
    for (const id of ['ts', 'bars', 'gauge', 'bullet', 'stacked', 'ts-prov']) {
      const sel = `[data-tile-id="${id}"]`;
      expect(await page.locator(`${sel} canvas`).count(), id).toBeGreaterThan(0);
      expect(await page.locator(`${sel} [data-testid=chart-canvas] svg`).count(), id).toBe(0);
      expect(await page.locator(sel).getAttribute('data-state'), id).toBe('ok');
    }
  });

  it('shows the time series line, LTTB-sampled below the points it holds, with the last value in vi-VN', async () => {
    expect(await pixelsOf(page, 'ts', CYAN)).toBeGreaterThan(500);
    const { points } = await hooks(page, 'ts');
    expect(points).toBeGreaterThan(100);
    expect(points).toBeLessThan(SERIES_POINTS);
    await expect
      .poll(() => page.locator('[data-tile-id="ts"] [data-testid=chart-last]').innerText())
      .toMatch(/^3\.999 doanh nghiệp$/);
    expect(await page.locator('[data-tile-id="ts"] .chart__title').innerText()).toMatch(
      /Doanh nghiệp đăng ký thành lập mới hôm nay/,
    );
  });

  it('redraws at most once a second however fast the data comes', async () => {
    const before = await hooks(page, 'ts');
    const started = Date.now();
    let value = 5000;
    // 25 updates a second for 4 seconds.
    for (let i = 0; i < 100; i++) {
      harness.hub.publish([
        {
          topic: 'econ.live',
          key: 'new_businesses_today',
          source: 'test',
          time: Date.now(),
          payload: { metric: 'new_businesses_today', value: value++, sourceSystem: 'test' },
        },
      ]);
      await new Promise((r) => setTimeout(r, 40));
    }
    await page.waitForTimeout(1200);
    const seconds = (Date.now() - started) / 1000;
    const after = await hooks(page, 'ts');
    const redraws = after.redraws - before.redraws;
    expect(redraws).toBeGreaterThanOrEqual(2);
    expect(redraws).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    await expect
      .poll(() => page.locator('[data-tile-id="ts"] [data-testid=chart-last]').innerText())
      .toBe('5.099 doanh nghiệp');
  });

  it('compares provinces by name, highest first, preliminary ones marked', async () => {
    expect(await pixelsOf(page, 'bars', CYAN)).toBeGreaterThan(2000);
    // TP Hồ Chí Minh reports preliminary figures: its bar is amber and says so in its label.
    expect(await pixelsOf(page, 'bars', AMBER)).toBeGreaterThan(200);
    expect((await hooks(page, 'bars')).points).toBe(8);
    const text = await page.locator('[data-tile-id="bars"]').innerText();
    expect(text).toMatch(/Vốn FDI đăng ký \(triệu USD\)/);
    expect(text).toMatch(/8\/34 tỉnh, thành phố cao nhất/);
    expect(text).toMatch(/Tháng 10\/2026/);
  });

  it('reads a gauge against its target with the gap in words', async () => {
    // The plain mean of the provinces, 43,2% against 60%: the arc is amber (below) and the text says how far, in
    // percentage points; the subtitle says it is a mean of the provinces, not a national figure.
    expect(await pixelsOf(page, 'gauge', AMBER)).toBeGreaterThan(1000);
    const gauge = page.locator('[data-tile-id="gauge"]');
    expect(await gauge.locator('[data-testid=gauge-value]').innerText()).toMatch(/^\d+,\d% kế hoạch$/);
    expect(await gauge.innerText()).toMatch(/Mục tiêu: 60% kế hoạch/);
    expect(await gauge.innerText()).toMatch(/Trung bình 34\/34 tỉnh, thành phố \(không gia quyền\)/);
    expect(await gauge.locator('[data-testid=gauge-gap]').innerText()).toMatch(
      /^▼ Thấp hơn mục tiêu \d+,\d điểm phần trăm$/,
    );
    expect(await page.locator('[data-tile-id="bullet"]').innerText()).toMatch(/Hà Nội/);
    expect(await pixelsOf(page, 'bullet', AMBER)).toBeGreaterThan(200);
  });

  it('stacks tasks per unit by status, each status named in the legend', async () => {
    expect(await pixelsOf(page, 'stacked', RED, 30)).toBeGreaterThan(300);
    expect(await pixelsOf(page, 'stacked', GREEN, 30)).toBeGreaterThan(300);
    expect((await hooks(page, 'stacked')).points).toBe(4 * 4);
    expect(await page.locator('[data-tile-id="stacked"]').innerText()).toMatch(/Tổng số: 22 nhiệm vụ/);
  });

  it('draws one province’s indicator over time', async () => {
    expect(await page.locator('[data-tile-id="ts-prov"]').innerText()).toMatch(/Vốn FDI đăng ký · TP Hồ Chí Minh/);
    expect(await page.locator('[data-tile-id="ts-prov"] [data-testid=chart-last]').innerText()).toMatch(/triệu USD/);
  });
});

describe('chart tiles with bad settings and bad data', () => {
  let harness: WidgetHarness;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    harness = await startWidgetHarness({
      fixtures: [
        ...counter.slice(-300),
        ...PROVINCES.map((p, i) => indicator(p.code, 'cpi', 2 + i * 0.05)),
        // Key says Hà Nội, payload says Đà Nẵng: a broken record.
        indicator('48', 'disbursement', 55, '01:disbursement'),
        indicator('79', 'disbursement', 65),
        task(1),
        task(2),
        // Stored under another task's key.
        task(3, 'NV-99'),
      ],
      tiles: [
        tile('good', 'timeseries', [0, 0, 6, 4], { key: 'new_businesses_today', fractionDigits: 0 }),
        tile('ts-bad-settings', 'timeseries', [6, 0, 3, 2], { key: 'new_businesses_today', windowMinuts: 60 }),
        tile('bars-bad-settings', 'bars', [9, 0, 3, 2], { indicator: 'fdi', top: 99 }),
        tile('gauge-bad-settings', 'gauge', [6, 2, 3, 2], { indicator: 'disbursement' }),
        tile('stacked-bad-settings', 'stacked', [9, 2, 3, 2], { statuses: ['late'] }),
        tile('ts-bad-data', 'timeseries', [0, 4, 3, 4], { topic: 'gov.tasks', key: 'NV-1' }),
        tile('bars-bad-data', 'bars', [3, 4, 3, 4], { indicator: 'disbursement' }),
        tile('gauge-bad-data', 'gauge', [6, 4, 3, 4], { indicator: 'disbursement', province: '01', target: 60 }),
        tile('stacked-bad-data', 'stacked', [9, 4, 3, 4], {}),
      ],
    });
    page = await harness.open();
    await drawn(page, 'good');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(shots, 'charts-bad.png') });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows bad settings as an error in the tile, naming the setting', async () => {
    const cases: Array<[string, RegExp]> = [
      ['ts-bad-settings', /windowMinuts/],
      ['bars-bad-settings', /top/],
      ['gauge-bad-settings', /target/],
      ['stacked-bad-settings', /statuses/],
    ];
    for (const [id, detail] of cases) {
      const t = page.locator(`[data-tile-id="${id}"]`);
      expect(await t.getAttribute('data-state'), id).toBe('error');
      const text = await t.locator('[role=alert]').innerText();
      expect(text, id).toMatch(/Cấu hình của ô không hợp lệ/);
      expect(text, id).toMatch(detail);
    }
  });

  it('shows bad data as an error in the tile', async () => {
    const crashed = async (id: string): Promise<string> => {
      const t = page.locator(`[data-tile-id="${id}"]`);
      await t.locator('[role=alert]').waitFor({ timeout: 10_000 });
      return t.locator('[role=alert]').innerText();
    };
    expect(await crashed('ts-bad-data')).toMatch(/NV-1.*payload\.value/);
    expect(await crashed('gauge-bad-data')).toMatch(/01:disbursement.*48:disbursement/);
    // Bars and stacks leave the broken record out, say so, and draw the rest.
    expect(await crashed('bars-bad-data')).toMatch(/1 bản ghi sai, không vẽ: 01:disbursement ≠ 48:disbursement/);
    expect(await crashed('stacked-bad-data')).toMatch(/1 bản ghi sai, không vẽ: NV-99 ≠ NV-3/);
    await drawn(page, 'bars-bad-data');
    expect((await hooks(page, 'bars-bad-data')).points).toBe(1);
  });

  it('keeps the neighbour drawing its series', async () => {
    expect(await page.locator('[data-tile-id="good"]').getAttribute('data-state')).toBe('ok');
    expect(await pixelsOf(page, 'good', CYAN)).toBeGreaterThan(300);
  });
});
