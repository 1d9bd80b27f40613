// A leader presents a briefing from the console in Chromium, as with a clicker: started from the "Trình chiếu"
// section, PageDown / ArrowLeft step every window of a 2×2 wall through the scenes, B blacks the wall out and back,
// and a tile spotlighted across the wall fills every window over the dimmed rest until the next scene.
// Headless Chromium pages of one host (`--shell headless --wall`); the leader is added with `ioc-wall hub user add`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDraftInput } from '../../src/domain/briefing/briefing-schema.js';
import { saveBriefing, wallShows } from '../support/briefing-pages.js';
import { type CliRun, REPO } from '../support/cli-process.js';
import { gridMonitors } from '../support/grid-monitors.js';
import { startHeadlessApp } from '../support/headless-app.js';
import { addHubUser, type Credentials, loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

const shots = join(REPO, 'test-results', 'briefing');
const SURFACES = ['wall-1', 'wall-2', 'wall-3', 'wall-4'];
let app: CliRun;
let browser: Browser;
/** The presenter's own browser: its page is a foreground tab, as the leader's screen is, not throttled behind the walls. */
let presenterBrowser: Browser;
let bridge: Socket;
let leader: Credentials;
let presenter: Page;
const walls = new Map<string, Page>();

const WALL = { name: 'Tường 2×2', monitors: gridMonitors(2, 2) };

const BRIEFING: BriefingDraftInput = {
  id: 'giao-ban-e2e',
  name: 'Giao ban đầu tuần',
  scenes: [
    {
      id: 'kinh-te',
      title: 'Kinh tế',
      presetId: 'giao-ban-sang',
      focus: [{ kind: 'kpi', surfaceId: 'wall-1', tileId: 'brief-cpi' }],
    },
    { id: 'khan-cap', title: 'Khẩn cấp', presetId: 'ung-pho-khan-cap' },
    { id: 'nhiem-vu', title: 'Nhiệm vụ', presetId: 'theo-doi-nhiem-vu' },
  ],
};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'ioc-briefing-e2e-'));
  writeFileSync(join(dir, 'wall.json'), JSON.stringify(WALL));
  leader = addHubUser(join(dir, 'data'), 'lanh.dao', 'leader', 'mat-khau-lanh-dao-1');
  ({ app, bridge } = await startHeadlessApp(['--wall', join(dir, 'wall.json'), '--data-dir', join(dir, 'data')], {
    login: leader,
  }));
  await saveBriefing(bridge, BRIEFING);
  browser = await launchTestChromium();
  for (const id of SURFACES) {
    const url = app.stdout().match(new RegExp(`${id} \\(.*\\): (\\S+)`))![1]!;
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    await page.goto(url);
    walls.set(id, page);
  }
  presenterBrowser = await launchTestChromium();
  presenter = await presenterBrowser.newPage({ viewport: { width: 1600, height: 1100 } });
  // On the loaded test machine the console's first click (scrolling down to the section, then the press answered)
  // and its screenshot took 13–43 s, past Playwright's 30 s default; the scenes are still checked by their state.
  presenter.setDefaultTimeout(90_000);
  await presenter.goto(app.stdout().match(/console: (\S+)/)![1]!);
  await loginOnPage(presenter, leader);
  await presenter.getByTestId('briefing-section').waitFor({ timeout: 30_000 });
}, 300_000);

afterAll(async () => {
  bridge?.close();
  await browser?.close();
  await presenterBrowser?.close();
  await app?.stop();
});

/** The console knows the scene the wall is at (a press names it), so a key is pressed only once it shows it. */
const consoleAt = (sceneId: string) =>
  presenter.locator(`[data-testid=briefing-state][data-scene-id=${sceneId}]`).waitFor({ timeout: 20_000 });

describe('presenting a briefing', () => {
  it('starts from the console and steps every window by keyboard: PageDown, ArrowLeft', async () => {
    const section = presenter.getByTestId('briefing-section');
    await section.locator('[data-briefing-id=giao-ban-e2e]').getByTestId('briefing-start').click();
    await wallShows(walls, 'giao-ban-sang');
    await expect
      .poll(() => walls.get('wall-1')!.locator('[data-tile-id=brief-cpi]').getAttribute('data-focus'))
      .toBe('kpi');
    expect(await walls.get('wall-3')!.locator('.wall').getAttribute('data-briefing')).toBe('on');
    await walls.get('wall-1')!.screenshot({ path: join(shots, 'wall-1-scene-1.png') });

    await consoleAt('kinh-te');
    await presenter.keyboard.press('PageDown');
    await wallShows(walls, 'ung-pho-khan-cap');
    await consoleAt('khan-cap');
    await presenter.keyboard.press('PageDown');
    await wallShows(walls, 'theo-doi-nhiem-vu');
    await consoleAt('nhiem-vu');
    await presenter.keyboard.press('ArrowLeft');
    await wallShows(walls, 'ung-pho-khan-cap');
    await presenter.screenshot({ path: join(shots, 'console-presenting.png') });
  });

  it('blacks the wall out with B and back', async () => {
    await consoleAt('khan-cap');
    await presenter.keyboard.press('b');
    for (const page of walls.values()) await page.getByTestId('wall-black').waitFor({ timeout: 20_000 });
    await presenter.keyboard.press('B');
    for (const page of walls.values()) await page.getByTestId('wall-black').waitFor({ state: 'detached' });
  });

  it('spotlights a tile across the wall, dims the rest, and lets it go on the next scene', async () => {
    await presenter.getByTestId('briefing-spotlight').selectOption('wall|wall-1|emerg-alerts');
    for (const page of walls.values()) {
      const spot = page.getByTestId('wall-spotlight');
      await spot.waitFor({ timeout: 20_000 });
      expect(await spot.getAttribute('data-tile-id')).toBe('emerg-alerts');
      expect(await page.locator('.wall').getAttribute('class')).toContain('wall--dimmed');
    }
    await walls.get('wall-4')!.screenshot({ path: join(shots, 'wall-4-spotlight.png') });
    await presenter.getByTestId('briefing-next').click();
    await wallShows(walls, 'theo-doi-nhiem-vu');
    for (const page of walls.values()) await page.getByTestId('wall-spotlight').waitFor({ state: 'detached' });
  });
});
