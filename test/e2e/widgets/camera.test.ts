// A camera of the site's list in Chromium: the video tile names it by id, the host relays its RTSP to HLS on the
// host's own origin (no --media-origin, no CSP error), the picture plays; the camera stops → "Mất tín hiệu"; it
// comes back → the picture returns by itself. The map tile draws it as a camera point.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../support/cli-process.js';
import { startTestCamera, type TestCamera } from '../../support/test-rtsp.js';
import { startWidgetHarness, type WidgetHarness } from '../../support/widget-harness.js';

const shots = join(REPO, 'test-results', 'widgets');
let camera: TestCamera;
let harness: WidgetHarness;
let page: Page;
const cspErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  camera = await startTestCamera();
  const file = join(mkdtempSync(join(tmpdir(), 'ioc-cameras-')), 'cameras.csv');
  writeFileSync(file, `id,name,lat,lon,url,sensitive\ncau-rong,Camera cầu Rồng,16.0614,108.2272,${camera.url},không\n`);
  harness = await startWidgetHarness({
    columns: 12,
    rows: 8,
    tiles: [
      { id: 'cam', kind: 'video', x: 0, y: 0, w: 8, h: 8, settings: { camera: 'cau-rong', stallSeconds: 3 } },
      { id: 'ghost', kind: 'video', x: 8, y: 0, w: 4, h: 8, settings: { camera: 'khong-co' } },
    ],
    chromiumArgs: ['--autoplay-policy=no-user-gesture-required'],
    startOptions: { cameras: file },
  });
  page = await harness.open();
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await camera?.close();
});

const waitForState = (state: string, timeout = 60_000): Promise<void> =>
  page.locator(`[data-tile-id="cam"] [data-video-state="${state}"]`).waitFor({ timeout });

describe('a camera tile', () => {
  it('plays the RTSP camera through the host relay, named by the list', async () => {
    await waitForState('playing');
    expect(await page.locator('[data-tile-id="cam"] .video__name').textContent()).toBe('Camera cầu Rồng');
    const start = await page.locator('[data-tile-id="cam"] video').evaluate((v) => (v as HTMLVideoElement).currentTime);
    await expect
      .poll(() => page.locator('[data-tile-id="cam"] video').evaluate((v) => (v as HTMLVideoElement).currentTime), {
        timeout: 20_000,
      })
      .toBeGreaterThan(start + 1);
    expect(await page.locator('[data-tile-id="ghost"]').innerText()).toMatch(/Không có camera “khong-co”/);
    await page.screenshot({ path: join(shots, 'camera-playing.png') });
    expect(cspErrors).toEqual([]);
  });

  it('shows "Mất tín hiệu" when the camera stops, and plays again when it returns', async () => {
    await camera.stop();
    await waitForState('lost');
    expect(await page.locator('[data-tile-id="cam"] .video__slate').textContent()).toMatch(/Mất tín hiệu/);
    await page.screenshot({ path: join(shots, 'camera-lost.png') });
    await camera.start();
    await waitForState('playing', 90_000);
  }, 150_000);
});
