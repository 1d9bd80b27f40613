// The presenter page on a phone: a leader opens the address the host printed (`presenter:`) in a phone-sized
// Chromium page, logs in as the embedded demo hub's person, starts a briefing with a big button, presses Tiếp and
// Trước, and the wall windows follow; the page shows the current and next scene, the next scene's schematic and
// the notes. A second scene's preset is checked on the wall by its tiles, as briefing.test.ts does. A finger on the
// page's pad shows a dot on the wall window under it, and the dot goes when the finger lifts or the scene changes.
// Headless Chromium pages of one host (`--shell headless --wall`).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDraftInput } from '../../src/domain/briefing/briefing-schema.js';
import { DEMO_PRESETS } from '../../src/domain/presets/demo-presets.js';
import { saveBriefing, wallShows } from '../support/briefing-pages.js';
import { type CliRun, REPO } from '../support/cli-process.js';
import { gridMonitors } from '../support/grid-monitors.js';
import { startHeadlessApp } from '../support/headless-app.js';
import { type Credentials, loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

const shots = join(REPO, 'test-results', 'presenter');
const SURFACES = ['wall-1', 'wall-2'];
let app: CliRun;
let browser: Browser;
let phoneBrowser: Browser;
let bridge: Socket;
let login: Credentials;
let phone: Page;
const walls = new Map<string, Page>();

const WALL = { name: 'Tường 2×2', monitors: gridMonitors(2, 2) };

const BRIEFING: BriefingDraftInput = {
  id: 'giao-ban-dien-thoai',
  name: 'Giao ban từ điện thoại',
  scenes: [
    { id: 'kinh-te', title: 'Kinh tế', presetId: 'giao-ban-sang', notes: 'Nhấn mạnh CPI tháng này.' },
    { id: 'khan-cap', title: 'Khẩn cấp', presetId: 'ung-pho-khan-cap', notes: 'Nêu các điểm ngập.' },
  ],
};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'ioc-presenter-e2e-'));
  writeFileSync(join(dir, 'wall.json'), JSON.stringify(WALL));
  ({ app, bridge, login } = await startHeadlessApp([
    '--wall',
    join(dir, 'wall.json'),
    '--data-dir',
    join(dir, 'data'),
  ]));
  await saveBriefing(bridge, BRIEFING);
  browser = await launchTestChromium();
  for (const surface of SURFACES) {
    const url = app.stdout().match(new RegExp(`${surface} \\(.*\\): (\\S+)`))![1]!;
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    await page.goto(url);
    walls.set(surface, page);
  }
  // The phone: its own browser, a foreground page as the presenter's hand holds it, phone-sized and touch.
  phoneBrowser = await launchTestChromium();
  phone = await phoneBrowser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.goto(app.stdout().match(/presenter: (\S+)/)![1]!);
  await loginOnPage(phone, login);
}, 300_000);

afterAll(async () => {
  bridge?.close();
  await browser?.close();
  await phoneBrowser?.close();
  await app?.stop();
});

const phoneAt = (sceneId: string) =>
  phone.locator(`[data-testid=presenter-scene][data-scene-id=${sceneId}]`).waitFor({ timeout: 20_000 });

describe('the presenter page on a phone', () => {
  it('starts a briefing and shows the scene, the next one with its schematic, the notes and the clock', async () => {
    await phone.locator('[data-testid=presenter-start][data-briefing-id=giao-ban-dien-thoai]').tap();
    await phoneAt('kinh-te');
    await wallShows(walls, 'giao-ban-sang');
    expect(await phone.getByTestId('presenter-current').textContent()).toBe('Kinh tế');
    expect(await phone.getByTestId('presenter-next-title').textContent()).toBe('Khẩn cấp');
    await expect.poll(() => phone.getByText('Nhấn mạnh CPI tháng này.').count()).toBe(1);
    expect(await phone.getByTestId('presenter-clock').textContent()).toMatch(/^\d\d:\d\d$/);
    // The schematic is the next scene's preset: one rectangle per tile of every surface it covers.
    const thumb = phone.locator('.presenter__thumb');
    expect(await thumb.getAttribute('data-preset-id')).toBe('ung-pho-khan-cap');
    const tiles = Object.values(DEMO_PRESETS.find((p) => p.id === 'ung-pho-khan-cap')!.layouts).flatMap((l) => l.tiles);
    expect(await thumb.locator('[data-tile-kind]').count()).toBe(tiles.length);
    // Big enough for a thumb: every control at least 44 px high.
    for (const id of ['presenter-previous', 'presenter-next', 'presenter-black', 'presenter-end']) {
      expect((await phone.getByTestId(id).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await phone.screenshot({ path: join(shots, 'phone-scene-1.png'), fullPage: true });
  });

  it('steps the wall with Tiếp and Trước, and a clicker key works too', async () => {
    await phone.getByTestId('presenter-next').tap();
    await phoneAt('khan-cap');
    await wallShows(walls, 'ung-pho-khan-cap');
    expect(await phone.getByTestId('presenter-next').isDisabled()).toBe(true);
    expect(await phone.getByText('Nêu các điểm ngập.').count()).toBe(1);
    await phone.screenshot({ path: join(shots, 'phone-scene-2.png'), fullPage: true });
    await phone.getByTestId('presenter-previous').tap();
    await phoneAt('kinh-te');
    await wallShows(walls, 'giao-ban-sang');
    await phone.keyboard.press('PageDown');
    await phoneAt('khan-cap');
    await wallShows(walls, 'ung-pho-khan-cap');
  });

  it('shows a dot on the wall where the finger is on the pad, on that surface only; gone when lifted or on a new scene', async () => {
    // The 2×2 wall: wall-1 top left, wall-2 top right. A quarter across and a quarter down is wall-1's middle.
    const pad = phone.getByTestId('presenter-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await phone.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await phone.mouse.down();
    const dot = walls.get('wall-1')!.getByTestId('wall-pointer');
    await dot.waitFor({ timeout: 20_000 });
    const at = await dot.evaluate((e) => [
      parseFloat((e as HTMLElement).style.left),
      parseFloat((e as HTMLElement).style.top),
    ]);
    expect(at[0]).toBeCloseTo(50, -1);
    expect(at[1]).toBeCloseTo(50, -1);
    expect(await walls.get('wall-2')!.getByTestId('wall-pointer').count()).toBe(0);
    // Dragged to the right half: it moves to wall-2.
    await phone.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25, { steps: 5 });
    const dot2 = walls.get('wall-2')!.getByTestId('wall-pointer');
    await dot2.waitFor({ timeout: 20_000 });
    await expect.poll(() => dot2.evaluate((e) => Math.round(parseFloat((e as HTMLElement).style.left)))).toBe(50);
    await dot.waitFor({ state: 'detached' });
    await walls.get('wall-2')!.screenshot({ path: join(shots, 'wall-2-pointer.png') });
    await phone.mouse.up();
    await dot2.waitFor({ state: 'detached', timeout: 20_000 });
    // Held down, then the scene changes (a clicker on the phone): the dot goes with the scene.
    await phone.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await phone.mouse.down();
    await dot.waitFor({ timeout: 20_000 });
    await phone.keyboard.press('PageUp');
    await phoneAt('kinh-te');
    await dot.waitFor({ state: 'detached', timeout: 20_000 });
    await phone.mouse.up();
  });

  it('blacks the wall out and ends the briefing', async () => {
    await phone.getByTestId('presenter-black').tap();
    for (const page of walls.values()) await page.getByTestId('wall-black').waitFor({ timeout: 20_000 });
    await phone.getByTestId('presenter-black').tap();
    for (const page of walls.values()) await page.getByTestId('wall-black').waitFor({ state: 'detached' });
    await phone.getByTestId('presenter-end').tap();
    await phone.getByTestId('presenter-start').first().waitFor({ timeout: 20_000 });
    for (const page of walls.values()) {
      await page.waitForFunction(() => document.querySelector('.wall')?.getAttribute('data-briefing') !== 'on', null, {
        timeout: 20_000,
      });
    }
  });
});
