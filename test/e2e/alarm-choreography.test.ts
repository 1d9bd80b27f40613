// End to end, alarm → wall: Xorg with two monitors side by side, a hub whose rule "lu" answers with the preset
// "Ứng phó khẩn cấp" on the right monitor only (revert 1 s after acknowledgement), a host following it, and a
// Chromium window on each monitor showing its surface. An emergency alarm of that rule puts the preset on the right
// monitor while the left keeps its own layout, and the banner on both; acknowledged, the banner goes and, a second
// later, the right monitor gets its own layout back.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../hub/hub-server.js';
import { QUIET_CHROMIUM_FLAGS } from '../../main/host/shells/chromium-flags.js';
import { createLogger } from '../../platform/logger.js';
import { apply, newAlarm } from '../../src/domain/alarms/alarm-lifecycle.js';
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import type { AlarmResponse } from '../../src/domain/alarms/alarm-rules.js';
import { demoPresetEvents } from '../../src/domain/presets/demo-presets.js';
import { type CliRun, REPO, runCli } from '../support/cli-process.js';
import { enrolDevice, headlessHostArgs, writeCredentialFile } from '../support/hub-identity.js';
import { startXWall, type XWall } from '../support/xorg-wall.js';

const RESPONSE: AlarmResponse = {
  kind: 'show-preset',
  presetId: 'ung-pho-khan-cap',
  monitors: ['DUMMY1'],
  revertAfterS: 1,
};
const shots = join(REPO, 'test-results', 'alarm-choreography');
const own = (id: string) => ({
  columns: 2,
  rows: 1,
  tiles: [
    { id: `${id}-clock`, kind: 'clock', x: 0, y: 0, w: 1, h: 1, settings: { zones: ['Asia/Ho_Chi_Minh'] } },
    { id: `${id}-alerts`, kind: 'alerts', x: 1, y: 0, w: 1, h: 1, settings: { includeAcknowledged: true } },
  ],
});

let xwall: XWall;
let hub: RunningHub;
let app: CliRun;
const browsers: Browser[] = [];
const pages = new Map<string, Page>();

function raised(at: number): Alarm {
  const init = {
    id: 'lu:46',
    ruleId: 'lu',
    dedupKey: 'lu:46',
    priority: 'emergency',
    title: 'Lũ quét',
    area: { province: '46', unit: null },
  } as const;
  const r = apply(newAlarm(init, at), { kind: 'condition-active', by: { kind: 'system', source: 'engine' } }, at);
  if (!r.ok) throw new Error(r.reason);
  return r.alarm;
}

const publishAlarm = (alarm: Alarm): void => {
  hub.publish([{ topic: 'ops.alerts', key: alarm.id, source: 'engine', time: alarm.updatedAt, payload: alarm }]);
};

const tileIds = (page: Page): Promise<string[]> =>
  page.$$eval('[data-tile-id]', (els) => els.map((e) => e.getAttribute('data-tile-id') ?? ''));

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  xwall = await startXWall(2, 1);
  hub = await startHub({
    port: 0,
    logFile: null,
    demo: false,
    version: 't',
    logger: createLogger('hub', 'error'),
    choreography: { responseOf: (ruleId) => (ruleId === 'lu' ? RESPONSE : undefined) },
  });
  hub.publish(demoPresetEvents(Date.now()).filter((e) => e.topic === 'wall.presets'));
  const dir = mkdtempSync(join(tmpdir(), 'ioc-choreo-e2e-'));
  writeFileSync(
    join(dir, 'wall.json'),
    JSON.stringify({
      name: 'Tường hai màn hình',
      monitors: xwall.monitors.map((m, i) => ({
        id: m.output,
        name: `Màn hình ${i + 1}`,
        ...pick(m),
        primary: i === 0,
      })),
      surfaces: [
        { id: 'wall-1', monitors: ['DUMMY0'], layout: own('own-1') },
        { id: 'wall-2', monitors: ['DUMMY1'], layout: own('own-2') },
      ],
    }),
  );
  const credential = writeCredentialFile(dir, enrolDevice(hub, 'tuong-chinh', 'wall'));
  app = runCli([...headlessHostArgs(hub.url, credential, join(dir, 'data')), '--wall', join(dir, 'wall.json')]);
  await app.waitFor(/status: http/);
  // One Chromium window on each monitor of the X server, as the wall PC shows them.
  for (const [i, m] of xwall.monitors.entries()) {
    const surfaceId = `wall-${i + 1}`;
    const url = app.stdout().match(new RegExp(`${surfaceId} \\(.*\\): (\\S+)`))![1]!;
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: false,
      env: { ...process.env, DISPLAY: xwall.display },
      args: ['--no-sandbox', ...QUIET_CHROMIUM_FLAGS, `--window-position=${m.x},${m.y}`, '--kiosk'],
    });
    browsers.push(browser);
    const page = await browser.newPage({ viewport: { width: m.width, height: m.height } });
    await page.goto(url);
    await page.locator('[data-tile-id]').first().waitFor();
    pages.set(surfaceId, page);
  }
}, 120_000);

function pick(m: { x: number; y: number; width: number; height: number }) {
  return { x: m.x, y: m.y, width: m.width, height: m.height };
}

afterAll(async () => {
  for (const b of browsers) await b.close();
  await app?.stop();
  await hub?.close();
  await xwall?.stop();
});

describe('an emergency alarm whose rule shows a preset on the right monitor', () => {
  it('takes over the right monitor only, bannered on both, and reverts after acknowledgement', async () => {
    const left = pages.get('wall-1')!;
    const right = pages.get('wall-2')!;
    expect(await tileIds(left)).toEqual(['own-1-clock', 'own-1-alerts']);
    expect(await left.locator('.alarm-banner').count()).toBe(0);

    const alarm = raised(Date.now());
    publishAlarm(alarm);
    await right.locator('[data-tile-id="emerg-alerts-active"]').waitFor({ timeout: 15_000 });
    for (const page of [left, right]) {
      await expect.poll(() => page.locator('.alarm-banner').textContent()).toContain('KHẨN CẤP chưa tiếp nhận: 1');
      await expect.poll(() => page.locator('.alert--unack .alert__mark').first().textContent()).toBe('▲');
    }
    expect(await tileIds(left)).toEqual(['own-1-clock', 'own-1-alerts']);
    await left.screenshot({ path: join(shots, 'left-during.png') });
    await right.screenshot({ path: join(shots, 'right-during.png') });

    const acked = apply(
      alarm,
      { kind: 'acknowledge', by: { kind: 'person', person: 'an', device: 'bantruc-1' } },
      Date.now(),
    );
    if (!acked.ok) throw new Error(acked.reason);
    publishAlarm(acked.alarm);
    for (const page of [left, right]) await page.locator('.alarm-banner').waitFor({ state: 'detached' });
    await right.locator('[data-tile-id="own-2-clock"]').waitFor({ timeout: 15_000 });
    expect(await tileIds(right)).toEqual(['own-2-clock', 'own-2-alerts']);
    expect(await tileIds(left)).toEqual(['own-1-clock', 'own-1-alerts']);
    await expect.poll(() => left.locator('.alert--acked .alert__mark').first().textContent()).toBe('✓');
  });
});
