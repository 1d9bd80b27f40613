// A real hub (demo off) fed with fixture events and a real host whose one surface holds the tiles under test,
// opened in headless Chromium: how widget tests render "with fixture data" without mocks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Tile } from '../../src/contract/wall.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { enrolDevice, writeCredentialFile } from './hub-identity.js';
import type { NewEvent } from '../../hub/event-log.js';
import { createLogger } from '../../platform/logger.js';
import { type RunningHost, startHost } from '../../main/host/host.js';
import { StartOptions } from '../../main/host/start-options.js';
import { launchTestChromium } from './test-chromium.js';

export interface WidgetHarness {
  hub: RunningHub;
  host: RunningHost;
  browser: Browser;
  /** Opens the surface `wall-1` at the given size and waits until its tiles are drawn. */
  open(viewport?: { width: number; height: number }, locale?: 'vi' | 'en'): Promise<Page>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  tiles: Tile[];
  columns?: number;
  rows?: number;
  fixtures?: NewEvent[];
  locale?: 'vi' | 'en';
  /** Extra Chromium flags, e.g. to turn WebGL off. */
  chromiumArgs?: string[];
  /** Extra host options, e.g. `mediaOrigins` for test streams on other loopback ports. */
  startOptions?: Record<string, unknown>;
}

export async function startWidgetHarness(options: HarnessOptions): Promise<WidgetHarness> {
  const hub = await startHub({
    port: 0,
    logFile: null,
    demo: false,
    version: 't',
    logger: createLogger('hub', 'error'),
  });
  if (options.fixtures?.length) hub.publish(options.fixtures);
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-widget-'));
  const host = await startHost({
    options: StartOptions.parse({
      shell: 'headless',
      port: 0,
      hub: hub.url,
      hubCredential: writeCredentialFile(dataDir, enrolDevice(hub, 'widget-wall', 'wall')),
      locale: options.locale ?? 'vi',
      dataDir,
      ...options.startOptions,
    }),
    shell: { kind: 'headless', reason: 'widget test' },
    monitors: [{ id: 'm1', name: 'Màn hình 1', x: 0, y: 0, width: 1920, height: 1080, primary: true }],
    monitorSource: 'wall-file',
    layouts: [{ columns: options.columns ?? 12, rows: options.rows ?? 8, tiles: options.tiles }],
    logger: createLogger('host', 'error'),
  });
  const browser = await launchTestChromium(options.chromiumArgs ?? []);
  return {
    hub,
    host,
    browser,
    async open(viewport = { width: 1920, height: 1080 }) {
      const page = await browser.newPage({ viewport });
      await page.goto(host.urlFor('/wall/wall-1'));
      await page.locator('[data-tile-id]').first().waitFor({ timeout: 20_000 });
      return page;
    },
    async close() {
      await browser.close();
      await host.close();
      await hub.close();
    },
  };
}
