// The map tile in Chromium (software WebGL) draws the areas of the warnings in force, as the CAP connector publishes
// them on ops.warnings: outlined in the colour of their priority, gone when the warning is cancelled.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../hub/event-log.js';
import type { WarningPayload } from '../../../src/domain/warnings/warning-schema.js';
import { startWidgetHarness, type WidgetHarness } from '../../support/widget-harness.js';

const SOFTWARE_WEBGL = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
/** The outline of an emergency (map-layers.ts WARNING_COLORS). */
const EMERGENCY_OUTLINE = [255, 59, 48];

const storm: WarningPayload = {
  id: 'NCHMF-12-002',
  sender: 'nchmf.gov.vn',
  sentAt: Date.now() - 60_000,
  msgType: 'Update',
  state: 'active',
  event: 'Bão',
  headline: 'Bão số 12 mạnh lên cấp 14',
  priority: 'emergency',
  severity: 'Extreme',
  urgency: 'Immediate',
  certainty: 'Observed',
  areas: [
    {
      description: 'Ven biển Huế – Đà Nẵng',
      polygons: [
        [
          [107.0, 15.5],
          [109.0, 15.5],
          [109.0, 17.0],
          [107.0, 17.0],
          [107.0, 15.5],
        ],
      ],
      circles: [{ centre: [108.8, 15.12], radiusKm: 40 }],
      provinces: ['46', '48', '51'],
    },
  ],
  provinces: ['46', '48', '51'],
  expiresAt: null,
  sourceSystem: 'Trung tâm Dự báo KTTV quốc gia',
};

const warningEvent = (payload: WarningPayload): NewEvent => ({
  topic: 'ops.warnings',
  key: 'NCHMF-12-001',
  source: 'cap:nchmf',
  time: payload.sentAt,
  payload,
});

/** Pixels of the canvas close to `rgb`. */
async function pixelsOf(page: Page, rgb: number[]): Promise<number> {
  const png = await page.locator('[data-tile-id="map"] .map__canvas').screenshot();
  return page.evaluate(
    async ({ data, rgb }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i]! - rgb[0]!) + Math.abs(px[i + 1]! - rgb[1]!) + Math.abs(px[i + 2]! - rgb[2]!) <= 12) n++;
      }
      return n;
    },
    { data: [...png], rgb },
  );
}

describe('map tile with a warning in force', () => {
  let harness: WidgetHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startWidgetHarness({
      tiles: [{ id: 'map', kind: 'map', x: 0, y: 0, w: 12, h: 8, settings: { indicator: 'gdp_growth' } }],
      fixtures: [warningEvent(storm)],
      chromiumArgs: SOFTWARE_WEBGL,
    });
    page = await harness.open();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('outlines its polygon and circle in the emergency colour, and removes them when it is cancelled', async () => {
    const map = page.locator('[data-tile-id="map"] [data-testid="map"]');
    await map.and(page.locator('[data-province-count="34"]')).waitFor({ timeout: 60_000 });
    await expect.poll(() => map.getAttribute('data-warning-areas'), { timeout: 10_000 }).toBe('2');
    await expect.poll(() => pixelsOf(page, EMERGENCY_OUTLINE), { timeout: 20_000 }).toBeGreaterThan(200);

    harness.hub.publish([warningEvent({ ...storm, state: 'cancelled', msgType: 'Cancel', id: 'NCHMF-12-003' })]);
    await expect.poll(() => map.getAttribute('data-warning-areas'), { timeout: 10_000 }).toBe('0');
    await expect.poll(() => pixelsOf(page, EMERGENCY_OUTLINE), { timeout: 20_000 }).toBeLessThan(20);
  });
});
