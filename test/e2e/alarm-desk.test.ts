// The alarm desk end to end: a hub in this process (alarms published the way the rule engine publishes them), a
// headless host of that hub started with `ioc-wall start`, and the console in headless Chromium with an operator
// logged in through the form. Keyboard acknowledge (k/j/a) reaches the hub and comes back acknowledged; a new
// emergency sounds, and once muted says so; a flood of 100 alarms/s for 60 s is counted whole on the desk, turns
// flood mode on, and the desk still answers a key.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import type { Alarm, AlarmPriority } from '../../src/domain/alarms/alarm-schema.js';
import { testAlarm } from '../support/alarms.js';
import { type CliRun, runCli } from '../support/cli-process.js';
import {
  enrolDevice,
  enrolPerson,
  headlessHostArgs,
  TEST_PASSWORD,
  writeCredentialFile,
} from '../support/hub-identity.js';
import { loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

let hub: RunningHub;
let app: CliRun;
let browser: Browser;
let page: Page;

function publish(alarms: readonly Alarm[]): void {
  hub.publish(
    alarms.map((a) => ({ topic: 'ops.alerts', key: a.id, source: 'test:rules', time: Date.now(), payload: a })),
  );
}

const desk = () => page.getByTestId('alarm-desk');
const row = (id: string) => page.locator(`[data-testid="desk-row"][data-alarm="${id}"]`);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-desk-e2e-'));
  hub = await startHub({
    port: 0,
    logFile: join(dir, 'hub.sqlite'),
    demo: false,
    version: 't',
    logger: createLogger('hub', 'error'),
  });
  const credential = enrolDevice(hub, 'ban-truc-1', 'console');
  await enrolPerson(hub, 'truc.ban', ['operator']);
  app = runCli(headlessHostArgs(hub.url, writeCredentialFile(dir, credential), join(dir, 'host')));
  const consoleUrl = (await app.waitFor(/console: (\S+)/))[1]!;
  // A console PC lets the desk play its sound without a click first (kiosk policy).
  browser = await launchTestChromium(['--autoplay-policy=no-user-gesture-required']);
  page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  await page.goto(consoleUrl);
  await loginOnPage(page, { user: 'truc.ban', password: TEST_PASSWORD });
  await desk().waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await hub?.close();
});

describe('the alarm desk', () => {
  it('acknowledges by keyboard, sounds a new emergency and says when the sound is muted', async () => {
    const now = Date.now();
    publish([
      testAlarm({ id: 'kb-low', priority: 'low', at: now - 5000 }),
      testAlarm({ id: 'kb-high', priority: 'high', at: now - 4000 }),
    ]);
    await expect.poll(() => page.getByTestId('desk-row').count(), { timeout: 20_000 }).toBe(2);
    publish([testAlarm({ id: 'kb-emergency', priority: 'emergency', at: Date.now() })]);
    await expect.poll(() => desk().getAttribute('data-sound'), { timeout: 20_000 }).toBe('played');
    // Most urgent first: the emergency heads the list and flashes until acknowledged.
    expect(await page.getByTestId('desk-row').first().getAttribute('data-alarm')).toBe('kb-emergency');
    expect(await row('kb-emergency').getAttribute('class')).toContain('desk-row--flash');

    await page.locator('#desk-title').click();
    await page.keyboard.press('j');
    await expect.poll(() => row('kb-high').getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => row('kb-emergency').getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('a');
    await expect.poll(() => row('kb-emergency').getAttribute('data-state'), { timeout: 20_000 }).toBe('acked');
    expect(await row('kb-emergency').getAttribute('class')).not.toContain('desk-row--flash');
    expect(await row('kb-high').getAttribute('data-state')).toBe('unack');

    await page.keyboard.press('m');
    await expect(page.getByTestId('desk-sound').innerText()).resolves.toContain('Âm thanh: tắt');
    publish([testAlarm({ id: 'kb-emergency-2', priority: 'emergency', at: Date.now() })]);
    await expect.poll(() => desk().getAttribute('data-sound'), { timeout: 20_000 }).toBe('muted');

    await page.keyboard.press('?');
    await expect(page.getByTestId('desk-help').innerText()).resolves.toContain('Tiếp nhận');
    await page.keyboard.press('Escape');
  });

  it('counts every alarm of a flood of 100 alarms/s for 60 s, switches to flood mode and still answers a key', async () => {
    const before = Number(await desk().getAttribute('data-open'));
    const priorities: AlarmPriority[] = ['low', 'low', 'low', 'medium', 'high'];
    const provinces = ['01', '04', '08', '11', '12'];
    let n = 0;
    const started = Date.now();
    for (let second = 0; second < 60; second++) {
      for (let tick = 0; tick < 10; tick++) {
        const at = Date.now();
        publish(
          Array.from({ length: 10 }, () => {
            n++;
            return testAlarm({
              id: `flood-${n}`,
              priority: priorities[n % priorities.length]!,
              province: provinces[n % provinces.length]!,
              at,
            });
          }),
        );
        const due = started + (second * 10 + tick + 1) * 100;
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      }
    }
    expect(n).toBe(6000);
    await expect.poll(() => desk().getAttribute('data-open'), { timeout: 60_000 }).toBe(String(before + n));
    expect(await desk().getAttribute('data-flood')).toBe('true');
    await expect(page.getByTestId('desk-flood-banner').innerText()).resolves.toContain('Tràn ngập cảnh báo');
    // At most ~100 rows are drawn however long the list.
    expect(await page.getByTestId('desk-row').count()).toBeLessThanOrEqual(100);

    const first = await page.locator('[data-testid="desk-row"][aria-current="true"]').getAttribute('data-alarm');
    await page.locator('#desk-title').click();
    const answered = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          const current = () => document.querySelector('[data-testid="desk-row"][aria-current="true"]');
          const was = current()?.getAttribute('data-alarm');
          const watch = new MutationObserver(() => {
            if (current()?.getAttribute('data-alarm') !== was) {
              watch.disconnect();
              resolve(performance.now() - t0);
            }
          });
          watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
        }),
    );
    console.log(`[alarm-desk e2e] a key answered ${answered.toFixed(0)} ms into a flood of ${n} alarms`);
    expect(await page.locator('[data-testid="desk-row"][aria-current="true"]').getAttribute('data-alarm')).not.toBe(
      first,
    );
  });
});
