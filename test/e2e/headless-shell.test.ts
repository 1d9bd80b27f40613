// End to end without a display: `--shell headless` serves the UI and prints one URL per surface; a browser
// opening one sees live values, and nothing is requested from outside the machine.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostStatus } from '../../src/contract/host-status.js';
import { DEMO_SURFACE_COUNT } from '../../src/domain/default-wall.js';
import { type CliRun, REPO, runCli } from '../support/cli-process.js';
import { demoCredentials, loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

let app: CliRun;
let browser: Browser;
const shots = join(REPO, 'test-results', 'headless-shell');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  app = runCli(
    ['start', '--shell', 'auto', '--port', '0', '--demo', '--data-dir', mkdtempSync(join(tmpdir(), 'ioc-e2e-'))],
    env,
  );
  await app.waitFor(/status: http/);
  // A wall page and the console side by side, as on real screens: neither is a throttled background tab.
  browser = await launchTestChromium([
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('headless shell', () => {
  it('picks headless when there is no display, says why, and prints the URLs', async () => {
    expect(app.stdout()).toMatch(/shell: headless — auto: .*no display/);
    const urls = [
      ...app.stdout().matchAll(/(wall-\d+) \(.*\): (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+#\/wall\/wall-\d+)/g),
    ];
    // No display, no wall to fit: every demo surface is served, so one browser can show the whole product.
    expect(urls.map((m) => m[1])).toEqual(Array.from({ length: DEMO_SURFACE_COUNT }, (_, i) => `wall-${i + 1}`));
    expect(app.stdout()).toMatch(/console: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+#\/console/);
    const statusUrl = app.stdout().match(/status: (\S+)/)![1]!;
    const s = HostStatus.parse(await (await fetch(statusUrl)).json());
    expect(s.shell).toMatchObject({ kind: 'headless' });
    expect(s.monitorSource).toBe('default');
  });

  it('serves a wall page that paints live values in Vietnamese, all from loopback', async () => {
    const url = app.stdout().match(/wall-1 \(.*\): (\S+)/)![1]!;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const foreign: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (r) => {
      if (!/^(http:\/\/127\.0\.0\.1|ws:\/\/127\.0\.0\.1|data:|blob:)/.test(r.url())) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(url);
    const kpi = page.locator('[data-testid=kpi-value]').first();
    await kpi.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await kpi.textContent()) ?? '', { timeout: 30_000 }).toMatch(/\d/);
    // Live: the feed's offsets on the connection tile move as the demo's events arrive. (The figures move at the
    // pace of the real series they imitate: the day's counters may not change for minutes at night.)
    const feed = page.locator('[data-tile-id="conn"] .connection__topics');
    const first = await feed.textContent();
    await expect.poll(async () => feed.textContent(), { timeout: 30_000 }).not.toBe(first);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(page.url()).not.toContain('token=');
    expect(await page.locator('[data-state=error]').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'wall-1.png') });
    expect(foreign).toEqual([]);
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it('serves the console with monitors, surfaces and feed state', async () => {
    const url = app.stdout().match(/console: (\S+)/)![1]!;
    const wall = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await wall.goto(app.stdout().match(/wall-1 \(.*\): (\S+)/)![1]!);
    await wall.locator('[data-testid=kpi-value]').first().waitFor();
    const statusUrl = app.stdout().match(/status: (\S+)/)![1]!;
    const beating = async () =>
      HostStatus.parse(await (await fetch(statusUrl)).json()).surfaces.find((x) => x.id === 'wall-1')?.heartbeat;
    await expect.poll(beating, { timeout: 30_000 }).toBeTruthy();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    // The console is a person's: the demo hub printed its person's password once.
    await loginOnPage(page, await demoCredentials(app));
    await expect.poll(async () => page.locator('body').innerText(), { timeout: 30_000 }).toContain('wall-1');
    const text = await page.locator('body').innerText();
    expect(text).toContain('econ.live');
    // The health strip: the open wall page beats, the surfaces nobody opened say so.
    const strip = page.getByTestId('health-strip');
    await expect
      .poll(async () => strip.locator('[data-surface-id=wall-1]').getAttribute('data-health'), { timeout: 30_000 })
      .toBe('ok');
    expect(await strip.locator('[data-surface-id=wall-2]').getAttribute('data-health')).toBe('idle');
    expect(await strip.locator('[data-surface-id=wall-1]').innerText()).toMatch(/hoạt động tốt/);
    await wall.close();
    await page.screenshot({ path: join(shots, 'console.png') });
    await page.close();
  });
});
