// The "Cụm hub" table end to end: a host process given a real hub and a server that answers garbage
// (`--hub A,B`), its console in headless Chromium with an admin logged in. The table shows both, the hub in use
// marked and producing, the other not valid, by word and shape; the console on a remote hub shows its connectors.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { REPO } from '../support/cli-process.js';
import { type HeadlessApp, startHeadlessApp } from '../support/headless-app.js';
import { enrolDevice, enrolPerson, TEST_PASSWORD, writeCredentialFile } from '../support/hub-identity.js';
import { loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';
import { webhookConnectorEntry } from '../support/webhook-connector-entry.js';

const shots = join(REPO, 'test-results', 'hub-cluster');
const dir = mkdtempSync(join(tmpdir(), 'ioc-hub-cluster-e2e-'));
let hub: RunningHub;
let garbage: Server;
let garbageUrl: string;
let host: HeadlessApp;
let browser: Browser;
const admin = { user: 'quan.tri', password: TEST_PASSWORD };

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  hub = await startHub({
    port: 0,
    demo: true,
    seed: 3,
    logFile: join(dir, 'hub.sqlite'),
    version: 't-e2e',
    connectors: [webhookConnectorEntry(dir, 'he-thong-dvc')],
    logger: createLogger('hub', 'error'),
  });
  await enrolPerson(hub, admin.user, ['admin']);
  const credential = writeCredentialFile(dir, enrolDevice(hub, 'cluster-console', 'console'));
  garbage = createServer((_req, res) => res.writeHead(200).end('<html>not a hub</html>'));
  await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
  garbageUrl = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
  host = await startHeadlessApp(
    ['--hub', `${hub.url},${garbageUrl}`, '--hub-credential', credential, '--data-dir', join(dir, 'host')],
    { login: admin },
  );
  browser = await launchTestChromium();
}, 90_000);

afterAll(async () => {
  host?.bridge.close();
  await browser?.close();
  await host?.app.stop();
  await hub?.close();
  garbage?.closeAllConnections();
  await new Promise((resolve) => garbage?.close(resolve));
});

describe('the hub cluster on the console', () => {
  it('shows each hub by word and shape, the one in use marked, and the remote hub’s connectors', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    await page.goto(host.app.stdout().match(/console: (\S+)/)![1]!);
    await loginOnPage(page, admin);
    const section = page.getByTestId('hub-cluster');
    await section.getByRole('heading', { name: 'Cụm hub' }).waitFor({ timeout: 30_000 });
    const inUse = section.locator(`[data-hub="${hub.url}"]`);
    const other = section.locator(`[data-hub="${garbageUrl}"]`);
    await expect.poll(() => other.getAttribute('data-health'), { timeout: 30_000 }).toBe('fault');
    await expect.poll(() => inUse.getAttribute('aria-current'), { timeout: 30_000 }).toBe('true');
    expect(await inUse.getAttribute('data-health')).toBe('producing');
    expect(await inUse.innerText()).toMatch(/✓\s*Đang sản xuất[\s\S]*máy này đang dùng[\s\S]*SQLite[\s\S]*t-e2e/);
    expect(await other.innerText()).toMatch(/✕\s*Trả lời không hợp lệ/);
    expect(await other.getAttribute('aria-current')).toBeNull();

    // Keyboard: the table's region takes the focus (a wide table scrolls from the keyboard).
    await section.getByRole('region', { name: 'Cụm hub' }).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');

    const connectors = page.getByTestId('connector-row');
    await expect.poll(() => connectors.first().innerText(), { timeout: 30_000 }).toContain('he-thong-dvc');
    await section.screenshot({ path: join(shots, 'hub-cluster.png') });
  });
});
