// A preset switch reaches every window of the wall without a reload — made through the bridge, and from the
// console's layout editor (activate, back to schedule, edit with react-grid-layout and save, a conflicting save).
// Headless Chromium pages of one host with a 2×2 wall (`--shell headless --wall`). Editing presets is an admin's:
// an admin is added with `ioc-wall hub user add` before the host starts, and logs in on the console's form.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostStatus } from '../../src/contract/host-status.js';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { DEMO_PRESETS } from '../../src/domain/presets/demo-presets.js';
import { PresetPayload } from '../../src/domain/presets/preset-schema.js';
import { call } from '../support/bridge-client.js';
import { type CliRun, REPO } from '../support/cli-process.js';
import { startHeadlessApp } from '../support/headless-app.js';
import { addHubUser, type Credentials, loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

const shots = join(REPO, 'test-results', 'preset-switch');
let app: CliRun;
let browser: Browser;
let origin: string;
let token: string;
let bridge: Socket;
let admin: Credentials;
const walls = new Map<string, Page>();

const WALL = {
  name: 'Tường 2×2',
  monitors: [
    { id: 'tl', name: 'Trên trái', x: 0, y: 0, width: 1920, height: 1080, primary: true },
    { id: 'tr', name: 'Trên phải', x: 1920, y: 0, width: 1920, height: 1080 },
    { id: 'bl', name: 'Dưới trái', x: 0, y: 1080, width: 1920, height: 1080 },
    { id: 'br', name: 'Dưới phải', x: 1920, y: 1080, width: 1920, height: 1080 },
  ],
};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'ioc-preset-e2e-'));
  writeFileSync(join(dir, 'wall.json'), JSON.stringify(WALL));
  // The embedded hub keeps its people in the host's data dir.
  admin = addHubUser(join(dir, 'data'), 'quan.tri', 'admin', 'mat-khau-quan-tri-1');
  ({ app, origin, token, bridge } = await startHeadlessApp(
    ['--wall', join(dir, 'wall.json'), '--data-dir', join(dir, 'data')],
    {
      login: admin,
    },
  ));
  browser = await launchTestChromium();
  for (const id of ['wall-1', 'wall-2']) {
    const url = app.stdout().match(new RegExp(`${id} \\(.*\\): (\\S+)`))![1]!;
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.goto(url);
    walls.set(id, page);
  }
});

afterAll(async () => {
  bridge?.close();
  await browser?.close();
  await app?.stop();
});

const status = async () => HostStatus.parse(await (await fetch(`${origin}/api/status?token=${token}`)).json());
const tileIdsOf = (page: Page) =>
  page.$$eval('.wall [data-tile-id]', (els) => els.map((e) => (e as HTMLElement).dataset.tileId ?? ''));

/** Waits until the page's tiles are exactly `ids`, in order. */
async function showsTiles(page: Page, ids: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (want) =>
      JSON.stringify(
        [...document.querySelectorAll('.wall [data-tile-id]')].map((e) => (e as HTMLElement).dataset.tileId),
      ) === JSON.stringify(want),
    ids,
    { timeout: 20_000 },
  );
}

function presetTiles(presetId: string, surfaceId: string): string[] {
  const preset = DEMO_PRESETS.find((p) => p.id === presetId)!;
  return preset.layouts[surfaceId]!.tiles.map((t) => t.id);
}

async function presetNow(id: string): Promise<PresetPayload> {
  const hello = await call(bridge, 'hello', { role: 'console' });
  if (!hello.ok) throw new Error(hello.error.message);
  const e = (hello.result as { latest: Envelope[] }).latest.find((x) => x.topic === 'wall.presets' && x.key === id);
  return PresetPayload.parse(e?.payload);
}

let defaults: Map<string, string[]>;

describe('preset switch', () => {
  it('a preset activated through the bridge reaches every window, without a reload', async () => {
    await walls.get('wall-1')!.locator('[data-tile-id=live-biz]').waitFor({ timeout: 30_000 });
    await walls.get('wall-2')!.locator('[data-tile-id=tasks]').waitFor({ timeout: 30_000 });
    defaults = new Map(await Promise.all([...walls].map(async ([id, p]) => [id, await tileIdsOf(p)] as const)));
    for (const page of walls.values())
      await page.evaluate(() => ((window as { loadedOnce?: boolean }).loadedOnce = true));

    const queued = await call(bridge, 'command', { name: 'wall.activate', args: { presetId: 'ung-pho-khan-cap' } });
    expect(queued.ok).toBe(true);
    for (const [id, page] of walls) {
      await showsTiles(page, presetTiles('ung-pho-khan-cap', id));
      // Same document: the grid was swapped in place.
      expect(await page.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
      await page.screenshot({ path: join(shots, `${id}-ung-pho-khan-cap.png`) });
    }
    expect((await status()).presets).toMatchObject({
      activePresetId: 'ung-pho-khan-cap',
      name: 'Ứng phó khẩn cấp',
      version: 1,
      override: true,
    });
  });

  it('the console activates a preset, goes back to the schedule, edits, saves and meets a conflict', async () => {
    const url = app.stdout().match(/console: (\S+)/)![1]!;
    const console = await browser.newPage({ viewport: { width: 1800, height: 1150 } });
    const cspErrors: string[] = [];
    console.on('console', (m) => {
      if (/Content Security Policy/.test(m.text()) && !/inline style/.test(m.text())) cspErrors.push(m.text());
    });
    await console.goto(url);
    await loginOnPage(console, admin);
    const editor = console.locator('[data-testid=layout-editor]');
    await editor.waitFor({ timeout: 30_000 });
    const preset = (id: string) => console.locator(`[data-preset-id=${id}]`);

    // Activate from the list: every window follows.
    await preset('theo-doi-nhiem-vu').getByRole('button', { name: 'Hiển thị lên tường' }).click();
    for (const [id, page] of walls) await showsTiles(page, presetTiles('theo-doi-nhiem-vu', id));
    await expect.poll(async () => (await status()).presets.activePresetId).toBe('theo-doi-nhiem-vu');
    await expect
      .poll(() => console.getByTestId('wall-state').innerText(), { timeout: 15_000 })
      .toContain('Theo dõi nhiệm vụ');

    // Back to the schedule (empty): the default layouts.
    await console.getByTestId('revert-to-schedule').click();
    for (const [id, page] of walls) await showsTiles(page, defaults.get(id)!);
    expect((await status()).presets).toMatchObject({ activePresetId: null, override: false });

    // Edit "Giao ban sáng": remove a tile, drag another into its place, save → version 2.
    await preset('giao-ban-sang').getByRole('button', { name: 'Sửa' }).click();
    await console.locator('.mirror__tile[data-tile-id=brief-conn]').click();
    await console.getByRole('button', { name: 'Xóa ô này' }).click();
    const clock = console.locator('.mirror__tile[data-tile-id=brief-clock]');
    const box = (await clock.boundingBox())!;
    const rowHeight = box.height / 3;
    await console.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await console.mouse.down();
    for (let i = 1; i <= 10; i++)
      await console.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + (i * 3 * rowHeight) / 10);
    await console.mouse.up();

    // The settings form shows a validation error by its field, and saving waits until it is fixed.
    await clock.click();
    const zones = console.getByTestId('tile-settings').locator('input[name=zones]');
    await zones.fill('Khong/Co');
    await expect.poll(() => console.locator('.field--invalid').count()).toBe(1);
    await expect.poll(() => console.locator('.field--invalid').innerText()).toContain('IANA');
    expect(await console.getByTestId('save-preset').isDisabled()).toBe(true);
    await zones.fill('Asia/Ho_Chi_Minh, UTC');
    await expect.poll(() => console.locator('.field--invalid').count()).toBe(0);
    await console.locator('[data-testid=layout-editor]').screenshot({ path: join(shots, 'editor-editing.png') });

    await console.getByTestId('save-preset').click();
    await expect
      .poll(() => console.getByTestId('command-result').getAttribute('data-phase'), { timeout: 15_000 })
      .toBe('applied');
    await expect.poll(async () => (await presetNow('giao-ban-sang')).version).toBe(2);
    const saved = await presetNow('giao-ban-sang');
    const tiles = saved.layouts['wall-1']!.tiles;
    expect(tiles.map((t) => t.id)).not.toContain('brief-conn');
    expect(tiles.find((t) => t.id === 'brief-clock')).toMatchObject({
      x: 8,
      // Dragged three rows down, held inside the grid's eight rows: 5 + 3 = 8.
      y: 5,
      settings: { zones: ['Asia/Ho_Chi_Minh', 'UTC'] },
    });
    await expect.poll(() => console.getByTestId('draft-state').innerText()).toContain('phiên bản 2');

    // Another operator saves version 3 while this one edits on top of version 2: the save is a conflict.
    await console.locator('.editor__name input').fill('Giao ban sáng (ca sáng)');
    const other = { id: 'giao-ban-sang', name: 'Giao ban sáng (B)', layouts: saved.layouts };
    expect((await call(bridge, 'command', { name: 'preset.save', args: { preset: other, baseVersion: 2 } })).ok).toBe(
      true,
    );
    await expect.poll(async () => (await presetNow('giao-ban-sang')).version).toBe(3);
    await console.getByTestId('save-preset').click();
    await expect
      .poll(() => console.getByTestId('command-result').getAttribute('data-phase'), { timeout: 15_000 })
      .toBe('rejected');
    expect(await console.getByTestId('command-result').innerText()).toContain('conflict');
    await expect.poll(() => console.getByTestId('conflict').innerText()).toContain('phiên bản 3');
    // The operator's change is still there, and nothing was written over version 3.
    expect(await console.locator('.editor__name input').inputValue()).toBe('Giao ban sáng (ca sáng)');
    expect((await presetNow('giao-ban-sang')).name).toBe('Giao ban sáng (B)');
    await console.locator('[data-testid=layout-editor]').screenshot({ path: join(shots, 'editor-conflict.png') });

    // Saving on top of version 3 on purpose, then undo brings version 3's content back as version 5.
    await console.getByRole('button', { name: 'Lưu thay đổi của tôi thành phiên bản mới' }).click();
    await expect.poll(async () => (await presetNow('giao-ban-sang')).name).toBe('Giao ban sáng (ca sáng)');
    await expect.poll(() => console.getByTestId('undo-preset').isDisabled()).toBe(false);
    await console.getByTestId('undo-preset').click();
    await expect.poll(async () => (await presetNow('giao-ban-sang')).version).toBe(5);
    expect((await presetNow('giao-ban-sang')).name).toBe('Giao ban sáng (B)');
    await console.screenshot({ path: join(shots, 'console.png') });
    expect(cspErrors).toEqual([]);
    await console.close();
  });
});
