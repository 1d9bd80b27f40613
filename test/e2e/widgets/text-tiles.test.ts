// Ticker, text and image tiles in Chromium: each draws, the ticker scrolls by CSS animation, and bad settings or
// a broken image show an error inside that tile while the neighbours still render.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tile } from '../../../src/contract/wall.js';
import { defaultSurfaces, virtualMonitors } from '../../../src/domain/default-wall.js';
import type { NewEvent } from '../../../hub/event-log.js';
import { testAlarm } from '../../support/alarms.js';
import { REPO } from '../../support/cli-process.js';
import { startWidgetHarness, type WidgetHarness } from '../../support/widget-harness.js';

const shots = join(REPO, 'test-results', 'widgets');
let harness: WidgetHarness;
let page: Page;

const now = Date.now();
const alerts = [
  testAlarm({ id: 'A-1', priority: 'emergency', title: 'Lũ quét trên sông Gianh', province: '44', at: now - 60_000 }),
  testAlarm({ id: 'A-2', priority: 'medium', title: 'Mất điện cục bộ', at: now - 30_000, then: ['acknowledge'] }),
  testAlarm({
    id: 'A-3',
    title: 'Sạt lở đèo Hải Vân',
    province: '48',
    at: now - 10_000,
    then: ['acknowledge', 'clear'],
  }),
];
const fixtures: NewEvent[] = alerts.map((a) => ({
  topic: 'ops.alerts',
  key: a.id,
  source: 'test',
  time: a.updatedAt,
  payload: a,
}));

// A small picture the CSP allows (data:), drawn so that a screenshot shows it plainly.
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#0a5"/>' +
    '<circle cx="80" cy="45" r="30" fill="#fd0"/></svg>',
)}`;

const tile = (
  id: string,
  kind: string,
  x: number,
  y: number,
  w: number,
  h: number,
  settings: Record<string, unknown>,
): Tile => ({
  id,
  kind,
  x,
  y,
  w,
  h,
  settings,
});

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  harness = await startWidgetHarness({
    columns: 12,
    rows: 8,
    fixtures,
    tiles: [
      tile('ticker-alerts', 'ticker', 0, 0, 12, 1, { source: 'alerts' }),
      tile('ticker-news', 'ticker', 0, 1, 12, 1, {
        source: 'static',
        items: ['Họp giao ban trực tuyến lúc 14:00', 'Cập nhật số liệu giải ngân tuần 47'],
        speed: 200,
      }),
      tile('notice', 'text', 0, 2, 4, 3, {
        title: 'Thông báo',
        paragraphs: ['Phòng điều hành trực 24/7.', '<b>Không</b> phải HTML: hiện đúng như gõ.'],
      }),
      tile('logo', 'image', 4, 2, 4, 3, { url: LOGO, title: 'Biểu trưng', alt: 'Biểu trưng', fit: 'contain' }),
      tile('broken-image', 'image', 8, 2, 4, 3, { url: '/no-such-picture.png' }),
      tile('bad-text', 'text', 0, 5, 4, 3, { paragraphs: [] }),
      tile('bad-ticker', 'ticker', 4, 5, 4, 3, { source: 'static' }),
      tile('bad-image', 'image', 8, 5, 4, 3, { url: 'https://example.com/a.png' }),
    ],
  });
  page = await harness.open();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const tileAt = (id: string) => page.locator(`[data-tile-id="${id}"]`);

describe('ticker, text and image tiles', () => {
  it('ticker of alerts: unresolved alerts, newest first, with severity shapes', async () => {
    const line = tileAt('ticker-alerts').locator('.ticker__line').first();
    await line.locator('.ticker__item').first().waitFor({ timeout: 20_000 });
    await expect(line.locator('.ticker__item').allTextContents()).resolves.toEqual([
      'Mất điện cục bộ — Hà Nội',
      expect.stringMatching(/^Lũ quét trên sông Gianh — /),
    ]);
    await expect(line.locator('.icon').count()).resolves.toBe(2);
  });

  it('ticker scrolls by CSS animation', async () => {
    const track = tileAt('ticker-news').getByTestId('ticker-track');
    await expect(track.evaluate((el) => getComputedStyle(el).animationName)).resolves.toBe('ticker-scroll');
    const x = (): Promise<number> => track.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
    const first = await x();
    await page.waitForTimeout(500);
    expect(await x()).toBeLessThan(first - 20);
  });

  it('text tile: title and paragraphs as plain text', async () => {
    await expect(tileAt('notice').locator('.text-tile__title').textContent()).resolves.toBe('Thông báo');
    const paragraphs = tileAt('notice').locator('.text-tile__paragraph');
    await expect(paragraphs.nth(1).textContent()).resolves.toBe('<b>Không</b> phải HTML: hiện đúng như gõ.');
    await expect(tileAt('notice').locator('b').count()).resolves.toBe(0);
  });

  it('image tile draws its picture', async () => {
    const img = tileAt('logo').getByTestId('image');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBe(160);
  });

  it('a broken image and bad settings give an error inside their tile; neighbours render', async () => {
    await tileAt('broken-image').locator('.tile-error').waitFor({ timeout: 10_000 });
    await expect(tileAt('broken-image').textContent()).resolves.toContain('Không tải được hình ảnh');
    for (const [id, field] of [
      ['bad-text', /paragraphs/],
      ['bad-ticker', /items/],
      ['bad-image', /url/],
    ] as const) {
      await expect(tileAt(id).getAttribute('data-state')).resolves.toBe('error');
      await expect(tileAt(id).locator('.tile-error__detail').textContent()).resolves.toMatch(field);
    }
    await expect(tileAt('logo').getAttribute('data-state')).resolves.toBe('ok');
    await expect(tileAt('notice').locator('.text-tile__title').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(shots, 'text-tiles.png') });
  });
});

describe('the demo wall’s media surface', () => {
  it('plays the bundled clip and shows its tickers, agenda and image', async () => {
    // Enough monitors that every demo layout is used; the media one is the surface holding a video tile.
    const monitors = virtualMonitors();
    const media = defaultSurfaces(monitors).find((s) => s.layout.tiles.some((t) => t.kind === 'video'));
    expect(media).toBeDefined();
    const demo = await startWidgetHarness({
      columns: media!.layout.columns,
      rows: media!.layout.rows,
      tiles: media!.layout.tiles,
      fixtures,
      chromiumArgs: ['--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const p = await demo.open();
      await p.locator('[data-video-state="playing"]').waitFor({ timeout: 30_000 });
      await p.locator('.ticker__item').first().waitFor({ timeout: 10_000 });
      await expect(p.locator('[data-state="error"]').count()).resolves.toBe(0);
      await p.screenshot({ path: join(shots, 'demo-media-surface.png') });
    } finally {
      await demo.close();
    }
  });
});
