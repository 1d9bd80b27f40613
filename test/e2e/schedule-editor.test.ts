// The console's schedule editor with real parts: a demo hub (in this process, so the test can stop and restart
// it), the host as `ioc-wall start --shell headless --hub URL`, and headless Chromium pages for the console and a
// wall window. An operator adds a row covering now, saves, and the wall follows the schedule; a row without a
// weekday shows its error and sends nothing; a change made elsewhere under an unsaved draft is announced; a save
// made while the hub is away is queued and applied when it returns. Setting the schedule is an admin's: one is
// added with `ioc-wall hub user add` on the hub's data dir before it starts, and logs in on the console's form.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { HostStatus } from '../../src/contract/host-status.js';
import { DEMO_PRESETS } from '../../src/domain/presets/demo-presets.js';
import { localMoment } from '../../src/domain/presets/wall-schedule.js';
import { call } from '../support/bridge-client.js';
import { type CliRun, REPO } from '../support/cli-process.js';
import { startHeadlessApp } from '../support/headless-app.js';
import { enrolDevice, writeCredentialFile } from '../support/hub-identity.js';
import { addHubUser, type Credentials, loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

const shots = join(REPO, 'test-results', 'schedule-editor');
const dir = mkdtempSync(join(tmpdir(), 'ioc-schedule-e2e-'));
// The hub's database (events, people, audit) as `ioc-wall hub --data-dir` names it, so the CLI finds its people.
const hubDir = join(dir, 'hub');
const hubLog = join(hubDir, 'hub-events.sqlite');
let admin: Credentials;
let hub: RunningHub | undefined;
let hubPort = 0;
let app: CliRun;
let browser: Browser;
let origin: string;
let token: string;
let bridge: Socket;
let wall: Page;
let console: Page;

const WALL = {
  name: 'Tường 2×2',
  monitors: [
    { id: 'tl', name: 'Trên trái', x: 0, y: 0, width: 1920, height: 1080, primary: true },
    { id: 'tr', name: 'Trên phải', x: 1920, y: 0, width: 1920, height: 1080 },
    { id: 'bl', name: 'Dưới trái', x: 0, y: 1080, width: 1920, height: 1080 },
    { id: 'br', name: 'Dưới phải', x: 1920, y: 1080, width: 1920, height: 1080 },
  ],
};

async function startDemoHub(port = 0): Promise<RunningHub> {
  mkdirSync(hubDir, { recursive: true });
  return startHub({ port, logFile: hubLog, demo: true, seed: 9, version: 't', logger: createLogger('hub', 'error') });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(dir, 'wall.json'), JSON.stringify(WALL));
  admin = addHubUser(hubDir, 'quan.tri', 'admin', 'mat-khau-quan-tri-1');
  hub = await startDemoHub();
  hubPort = hub.port;
  const credential = writeCredentialFile(dir, enrolDevice(hub, 'bantruc-1', 'console'));
  ({ app, origin, token, bridge } = await startHeadlessApp(
    [
      '--hub',
      hub.url,
      '--hub-credential',
      credential,
      '--wall',
      join(dir, 'wall.json'),
      '--data-dir',
      join(dir, 'host'),
    ],
    { login: admin },
  ));
  browser = await launchTestChromium();
  wall = await browser.newPage({ viewport: { width: 960, height: 540 } });
  await wall.goto(app.stdout().match(/wall-1 \(.*\): (\S+)/)![1]!);
  console = await browser.newPage({ viewport: { width: 1800, height: 1400 } });
  await console.goto(app.stdout().match(/console: (\S+)/)![1]!);
  await loginOnPage(console, admin);
  await console.getByTestId('schedule-editor').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  bridge?.close();
  await browser?.close();
  await app?.stop();
  await hub?.close();
});

const status = async () => HostStatus.parse(await (await fetch(`${origin}/api/status?token=${token}`)).json());
const hubCommands = async (): Promise<number> =>
  ((await (await fetch(`http://127.0.0.1:${hubPort}/api/status`)).json()) as { commands: number }).commands;
const rows = () => console.getByTestId('schedule-row');
const result = () => console.getByTestId('schedule-result');

/** Presses the row's weekday toggles until exactly `days` are on. */
async function chooseDays(row: Locator, days: readonly number[]): Promise<void> {
  for (let d = 1; d <= 7; d++) {
    const button = row.locator(`button[data-day="${d}"]`);
    const on = (await button.getAttribute('aria-pressed')) === 'true';
    if (on !== days.includes(d)) await button.click();
  }
}

function presetTiles(presetId: string, surfaceId: string): string[] {
  return DEMO_PRESETS.find((p) => p.id === presetId)!.layouts[surfaceId]!.tiles.map((t) => t.id);
}

describe('schedule editor', () => {
  it('adds a row covering now, saves it, and the wall follows the schedule', async () => {
    await wall.locator('.wall [data-tile-id]').first().waitFor({ timeout: 30_000 });
    expect((await status()).presets).toMatchObject({ activePresetId: null, override: false });
    const before = await hubCommands();

    // Today and tomorrow in the room's zone, whole day (from = to): still "now" if midnight passes meanwhile.
    const today = localMoment(Date.now()).weekday;
    const days = [today, (today % 7) + 1];
    await console.getByTestId('schedule-add').click();
    const row = rows().last();
    await row.getByTestId('schedule-preset').selectOption('ung-pho-khan-cap');
    await chooseDays(row, days);
    // Typed times are written as 24-hour HH:mm when the field is left.
    await row.getByTestId('schedule-from').fill('6h');
    await row.getByTestId('schedule-to').fill('600');
    await row.getByTestId('schedule-from').focus();
    expect(await row.getByTestId('schedule-from').inputValue()).toBe('06:00');
    expect(await row.getByTestId('schedule-to').inputValue()).toBe('06:00');
    await expect.poll(() => row.getByTestId('schedule-preview').innerText()).toContain('cả ngày: Ứng phó khẩn cấp');
    expect(await console.getByTestId('schedule-draft-state').innerText()).toContain('chưa lưu');
    const pressed = row.locator('button[aria-pressed=true]');
    expect(await pressed.count()).toBe(2);
    expect(await pressed.first().innerText()).toContain('✓');

    await console.getByTestId('schedule-save').click();
    await expect.poll(() => result().getAttribute('data-phase'), { timeout: 15_000 }).toBe('applied');
    expect(await result().innerText()).toContain('Đã áp dụng lịch mới');
    expect(await hubCommands()).toBe(before + 1);
    // The host looks at the schedule every 15 s.
    await expect
      .poll(async () => (await status()).presets, { timeout: 25_000 })
      .toMatchObject({ activePresetId: 'ung-pho-khan-cap', override: false, source: 'schedule' });
    await wall.waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.querySelectorAll('.wall [data-tile-id]')].map((e) => (e as HTMLElement).dataset.tileId),
        ) === JSON.stringify(want),
      presetTiles('ung-pho-khan-cap', 'wall-1'),
      { timeout: 20_000 },
    );
    // The editor now holds what the hub holds.
    await expect.poll(() => console.getByTestId('schedule-draft-state').innerText()).toContain('Đúng với lịch');
    expect(await rows().count()).toBe(1);
    await console.getByTestId('schedule-editor').screenshot({ path: join(shots, 'saved.png') });
  });

  it('a row without a weekday shows its error beside the days and sends nothing', async () => {
    const before = await hubCommands();
    await console.getByTestId('schedule-add').click();
    const row = rows().last();
    await chooseDays(row, []);
    const error = row.locator('[data-field-error=days]');
    await expect.poll(() => error.innerText()).toContain('Hãy chọn ít nhất một ngày');
    expect(await row.getByTestId('schedule-preview').innerText()).toContain('chưa chọn ngày');
    expect(await console.getByTestId('schedule-invalid').innerText()).toContain('1 lỗi');
    expect(await console.getByTestId('schedule-save').isDisabled()).toBe(true);
    await console.getByTestId('schedule-save').click({ force: true });
    await console.waitForTimeout(1500);
    expect(await hubCommands()).toBe(before);
    await console.getByTestId('schedule-editor').screenshot({ path: join(shots, 'invalid.png') });

    await console.getByTestId('schedule-cancel').click();
    expect(await rows().count()).toBe(1);
    expect(await console.getByTestId('schedule-draft-state').innerText()).toContain('Đúng với lịch');
  });

  it('tells the operator when the schedule changed elsewhere under an unsaved draft', async () => {
    await console.getByTestId('schedule-add').click();
    expect(await rows().count()).toBe(2);
    // Another console's schedule keeps the same preset on the wall now (a switch redraws the console's mirror of
    // the whole wall, which on a busy 2-core machine holds the page for seconds; preset-switch.test.ts covers it).
    const elsewhere = {
      entries: [
        { presetId: 'giao-ban-sang', days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
        { presetId: 'ung-pho-khan-cap', days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:00' },
      ],
      fallbackPresetId: 'theo-doi-nhiem-vu',
    };
    expect((await call(bridge, 'command', { name: 'wall.setSchedule', args: elsewhere })).ok).toBe(true);
    const alert = console.getByTestId('schedule-changed');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.innerText()).toContain('Lịch vừa được thay đổi ở nơi khác');
    // The operator's draft is still there until they choose.
    expect(await rows().count()).toBe(2);
    await console.getByTestId('schedule-editor').screenshot({ path: join(shots, 'changed-elsewhere.png') });
    await alert.getByRole('button', { name: 'Tải lịch mới (bỏ thay đổi của tôi)' }).click();
    expect(await alert.count()).toBe(0);
    expect(await console.getByTestId('schedule-preview').allInnerTexts()).toEqual([
      'Thứ 2–Thứ 6, 07:30–11:30: Giao ban sáng',
      'Hằng ngày, cả ngày: Ứng phó khẩn cấp',
    ]);
    expect(await console.getByTestId('schedule-fallback').inputValue()).toBe('theo-doi-nhiem-vu');

    // Keep editing instead: the draft stays, the notice goes, and a save would overwrite (last save wins).
    await rows().first().getByTestId('schedule-from').fill('08:00');
    expect(
      (await call(bridge, 'command', { name: 'wall.setSchedule', args: { ...elsewhere, fallbackPresetId: null } })).ok,
    ).toBe(true);
    await alert.waitFor({ timeout: 15_000 });
    await alert.getByRole('button', { name: 'Tiếp tục sửa (khi lưu sẽ ghi đè)' }).click();
    expect(await alert.count()).toBe(0);
    expect(await rows().first().getByTestId('schedule-from').inputValue()).toBe('08:00');
    expect(await console.getByTestId('schedule-draft-state').innerText()).toContain('chưa lưu');
    await console.getByTestId('schedule-cancel').click();
    expect(await rows().first().getByTestId('schedule-from').inputValue()).toBe('07:30');
    expect(await console.getByTestId('schedule-fallback').inputValue()).toBe('');
  });

  it('a save while the hub is away says queued and applies when the hub returns', async () => {
    await hub!.close();
    hub = undefined;
    await expect.poll(async () => (await status()).feed.state, { timeout: 20_000 }).not.toBe('connected');
    await rows().first().getByTestId('schedule-to').fill('12:00');
    await console.getByTestId('schedule-save').click();
    // The console learns that the hub is away from the host's status (every 2 s or so).
    await expect.poll(() => result().innerText(), { timeout: 15_000 }).toContain('sẽ được gửi khi kết nối lại');
    expect(await result().getAttribute('data-phase')).toBe('queued');

    hub = await startDemoHub(hubPort);
    await expect.poll(() => result().getAttribute('data-phase'), { timeout: 45_000 }).toBe('applied');
    await expect
      .poll(() => console.getByTestId('schedule-draft-state').innerText(), { timeout: 15_000 })
      .toContain('Đúng với lịch');
    expect(await rows().first().getByTestId('schedule-preview').innerText()).toBe(
      'Thứ 2–Thứ 6, 07:30–12:00: Giao ban sáng',
    );
  });
});
