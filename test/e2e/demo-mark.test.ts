// Demo honesty, end to end: without --demo the embedded hub makes no event and the tiles say a source is missing;
// with --demo every wall surface and the console carry the "DỮ LIỆU MẪU — DEMO" mark and KPIs say "Dữ liệu mẫu".
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostStatus } from '../../src/contract/host-status.js';
import { type CliRun, REPO, runCli } from '../support/cli-process.js';
import { launchTestChromium } from '../support/test-chromium.js';

let browser: Browser;
const shots = join(REPO, 'test-results', 'demo-mark');

function headless(args: string[], dataDir: string): CliRun {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return runCli(['start', '--shell', 'headless', '--port', '0', '--data-dir', dataDir, ...args], env);
}

async function hostStatus(app: CliRun): Promise<HostStatus> {
  const url = app.stdout().match(/status: (\S+)/)![1]!;
  return HostStatus.parse(await (await fetch(url)).json());
}

function pageUrls(app: CliRun): { surfaces: string[]; console: string } {
  const surfaces = [...app.stdout().matchAll(/wall-\d+ \(.*\): (http:\/\/\S+#\/wall\/wall-\d+)/g)].map((m) => m[1]!);
  return { surfaces, console: app.stdout().match(/console: (\S+)/)![1]! };
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchTestChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('without --demo', () => {
  it('the embedded hub holds no demo event, no page is marked, and tiles say no source is connected', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-e2e-nodemo-'));
    const app = headless([], dataDir);
    try {
      await app.waitFor(/status: http/);
      await expect.poll(async () => (await hostStatus(app)).feed.state, { timeout: 30_000 }).toBe('connected');
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(pageUrls(app).surfaces[0]!);
      await page.getByTestId('no-source').first().waitFor({ timeout: 30_000 });
      expect(await page.getByText('Chưa có nguồn dữ liệu').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('demo-mark').count()).toBe(0);
      expect(await page.locator('[data-testid=kpi-value]').count()).toBe(0);
      await page.screenshot({ path: join(shots, 'no-demo-wall-1.png') });
      await page.close();
      const s = await hostStatus(app);
      expect(s.feed.demo).toBe(false);
      expect(Object.values(s.feed.topics).every((t) => t.head === 0)).toBe(true);
    } finally {
      await app.stop();
    }
    const db = new Database(join(dataDir, 'hub-events.sqlite'), { readonly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    db.close();
    expect(n).toBe(0);
  });
});

describe('with --demo', () => {
  let app: CliRun;
  beforeAll(async () => {
    app = headless(['--demo'], mkdtempSync(join(tmpdir(), 'ioc-e2e-demo-')));
    await app.waitFor(/status: http/);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('marks every wall surface and the console, and the KPI provenance says demo', async () => {
    await expect.poll(async () => (await hostStatus(app)).feed.demo, { timeout: 30_000 }).toBe(true);
    const { surfaces, console } = pageUrls(app);
    expect(surfaces.length).toBe((await hostStatus(app)).surfaces.length);
    for (const [i, url] of [...surfaces, console].entries()) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(url);
      const mark = page.getByTestId('demo-mark');
      await mark.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await mark.innerText()).toBe('DỮ LIỆU MẪU — DEMO');
      // Large and legible: at least 18 px text, inside the window.
      const box = await mark.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(18);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      if (i === 0) {
        const provenance = page.getByTestId('kpi-provenance').first();
        await provenance.waitFor({ timeout: 30_000 });
        expect(await provenance.innerText()).toContain('Dữ liệu mẫu (demo)');
        await page.screenshot({ path: join(shots, 'demo-wall-1.png') });
      }
      await page.close();
    }
  });
});
