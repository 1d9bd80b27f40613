// Offline start: with the hub unreachable, the host serves the last-known state from its cache; the wall shows a
// connection banner and ages that turn to warnings; when the hub returns, it catches up and the warnings clear.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { HostStatus } from '../../src/contract/host-status.js';
import { type CliRun, REPO, runCli } from '../support/cli-process.js';
import { enrolDevice, writeCredentialFile } from '../support/hub-identity.js';
import { until } from '../support/start-test-host.js';
import { launchTestChromium } from '../support/test-chromium.js';

const shots = join(REPO, 'test-results', 'offline-start');
const dir = mkdtempSync(join(tmpdir(), 'ioc-offline-'));
const hubLog = join(dir, 'hub', 'events.sqlite');
let hub: RunningHub | undefined;
let host: CliRun | undefined;
let browser: Browser;
/** The host's device credential file, enrolled on the hub's first start (its file keeps it). */
let credential: string | undefined;

function startDemoHub(port = 0): Promise<RunningHub> {
  return startHub({ port, logFile: hubLog, demo: true, seed: 9, version: 't', logger: createLogger('hub', 'error') });
}

async function startHost(hubUrl: string): Promise<{ run: CliRun; wallUrl: string; statusUrl: string }> {
  const args = ['--hub', hubUrl, '--hub-credential', credential!, '--port', '0', '--data-dir', join(dir, 'host')];
  const run = runCli(['start', '--shell', 'headless', ...args]);
  const wallUrl = (await run.waitFor(/wall-1 \(.*\): (\S+)/))[1]!;
  const statusUrl = (await run.waitFor(/status: (\S+)/))[1]!;
  return { run, wallUrl, statusUrl };
}

const status = async (url: string) => HostStatus.parse(await (await fetch(url)).json());

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchTestChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await hub?.close();
});

describe('offline start', () => {
  it('serves the cached wall with a banner and stale ages, then catches up when the hub returns', async () => {
    hub = await startDemoHub();
    credential = writeCredentialFile(dir, enrolDevice(hub, 'offline-wall', 'wall'));
    const port = hub.port;
    const first = await startHost(hub.url);
    host = first.run;
    await until('the cache to fill', async () =>
      (await status(first.statusUrl)).cache.keys >= 34 * 5 ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 500)); // past one flush period
    await first.run.stop();
    await hub.close();
    hub = undefined;

    const second = await startHost(`http://127.0.0.1:${port}`);
    host = second.run;
    const s = await status(second.statusUrl);
    expect(s.feed.state).not.toBe('connected');
    expect(s.cache.keys).toBeGreaterThanOrEqual(34 * 5);

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(second.wallUrl);
    const kpi = page.locator('[data-testid=kpi-value]').first();
    await expect.poll(async () => (await kpi.textContent()) ?? '', { timeout: 20_000 }).toMatch(/\d/);
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor({ timeout: 20_000 });
    // econ.live is expected every 5 s: its tile's age turns into a warning while the hub is away.
    const liveAge = page.locator('[data-tile-id=live-biz] [data-testid=age-badge]');
    await expect.poll(async () => liveAge.getAttribute('data-stale'), { timeout: 20_000 }).toBe('true');
    await expect.poll(async () => (await status(second.statusUrl)).feed.state, { timeout: 20_000 }).toBe('offline');
    await expect.poll(async () => banner.textContent(), { timeout: 5_000 }).toMatch(/Mất kết nối|ngoại tuyến|offline/i);
    await page.screenshot({ path: join(shots, 'offline.png') });

    hub = await startDemoHub(port);
    await expect.poll(async () => banner.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(async () => liveAge.getAttribute('data-stale'), { timeout: 20_000 }).toBe('false');
    const after = await status(second.statusUrl);
    for (const [topic, t] of Object.entries(after.feed.topics)) {
      expect(t.offset, topic).toBeLessThanOrEqual(hub.status().topics[topic]!.head);
    }
    await page.screenshot({ path: join(shots, 'back-online.png') });
    await page.close();
  });
});
