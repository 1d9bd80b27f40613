// People at the console, end to end: a host with its embedded demo hub (`--shell headless`), a viewer added with
// `ioc-wall hub user add` before it starts, and the console in headless Chromium. A wrong password and a lockout are
// said in Vietnamese; the demo person logs in through the form, stays logged in across a reload, activates a
// preset, and the preset's audit trail names that person and console (and exports as CSV); a viewer sees no
// action buttons; a wall window's token cannot act.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostStatus } from '../../src/contract/host-status.js';
import type { Person } from '../../src/contract/people.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { type CliRun, REPO } from '../support/cli-process.js';
import { startHeadlessApp } from '../support/headless-app.js';
import { addHubUser, type Credentials, loginOnPage } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

const shots = join(REPO, 'test-results', 'console-login');
let app: CliRun;
let browser: Browser;
let origin: string;
let token: string;
let wallToken: string;
let bridge: Socket;
let demo: Credentials;
let demoPerson: Person;
let viewer: Credentials;
let consoleUrl: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-login-e2e-'));
  viewer = addHubUser(join(dir, 'data'), 'viewer1', 'viewer', 'mat-khau-nguoi-xem-1');
  ({
    app,
    origin,
    token,
    wallToken,
    bridge,
    login: demo,
    person: demoPerson,
  } = await startHeadlessApp(['--data-dir', join(dir, 'data')]));
  consoleUrl = app.stdout().match(/console: (\S+)/)![1]!;
  browser = await launchTestChromium();
});

afterAll(async () => {
  bridge?.close();
  await browser?.close();
  await app?.stop();
});

const status = async () => HostStatus.parse(await (await fetch(`${origin}/api/status?token=${token}`)).json());

async function openConsole(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1800, height: 1300 }, acceptDownloads: true });
  await page.goto(consoleUrl);
  await page.getByTestId('login-form').waitFor({ timeout: 30_000 });
  return page;
}

/** Submits the form and waits for the answer (a refusal empties the password field); returns what it said. */
async function tryLogin(page: Page, user: string, password: string): Promise<string> {
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect.poll(() => page.getByLabel('Mật khẩu').inputValue(), { timeout: 20_000 }).toBe('');
  return page.getByTestId('login-error').innerText();
}

describe('console login', () => {
  it('says a wrong password in Vietnamese, and locks a name after five failures', async () => {
    const page = await openConsole();
    // Keyboard first: the name field has the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-user');
    expect(await tryLogin(page, demo.user, 'khong-dung-mat-khau')).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    const said: string[] = [];
    for (let i = 0; i < 6; i++) said.push(await tryLogin(page, 'khach.la', `sai-mat-khau-${i}`));
    expect(said.slice(0, 4).every((s) => s.includes('Tên đăng nhập hoặc mật khẩu không đúng'))).toBe(true);
    expect(said[5]).toMatch(/Tạm khóa do đăng nhập sai nhiều lần — thử lại sau \d+ giây/);
    await page.screenshot({ path: join(shots, 'locked.png') });
    expect(await page.getByTestId('person-bar').count()).toBe(0);
    await page.close();
  });

  it('logs the demo person in, keeps them across a reload, and audits the preset they activate', async () => {
    const page = await openConsole();
    await loginOnPage(page, demo);
    expect(await page.getByTestId('person-name').innerText()).toBe(demoPerson.displayName);
    await page.reload();
    await page.getByTestId('person-bar').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('login-form').count()).toBe(0);

    const preset = page.locator('[data-preset-id=ung-pho-khan-cap]');
    await preset.getByRole('button', { name: 'Hiển thị lên tường' }).click();
    await expect
      .poll(async () => (await status()).presets.activePresetId, { timeout: 15_000 })
      .toBe('ung-pho-khan-cap');

    await preset.getByRole('button', { name: 'Lịch sử', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('audit-target').inputValue(), { timeout: 10_000 })
      .toBe('preset:ung-pho-khan-cap');
    const activated = page.getByTestId('audit-row').filter({ hasText: 'wall.activate' }).first();
    await expect
      .poll(
        async () => {
          await page.getByTestId('audit-search').click();
          return (await activated.count()) > 0 ? activated.innerText() : '';
        },
        { timeout: 20_000 },
      )
      .toContain(demo.user);
    expect(await activated.innerText()).toContain(demoPerson.device);
    await page.getByTestId('audit').screenshot({ path: join(shots, 'audit.png') });

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export-csv').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('seq,time,person,device,peer,action,target,outcome,detail');
    expect(csv).toMatch(new RegExp(`,${demo.user},${demoPerson.device},.*,wall\\.activate,preset:ung-pho-khan-cap,`));

    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('login-notice').innerText()).toContain('Đã đăng xuất');
    await page.close();
  });

  it('shows a viewer no action buttons', async () => {
    const page = await openConsole();
    await loginOnPage(page, viewer);
    expect(await page.getByTestId('person-roles').innerText()).toBe('Người xem');
    await page.getByTestId('layout-editor').waitFor({ timeout: 30_000 });
    await page.locator('[data-preset-id]').first().waitFor({ timeout: 15_000 });
    for (const name of [
      'Hiển thị lên tường',
      'Sửa',
      'Trở về theo lịch',
      '+ Bố cục mẫu mới',
      'Lưu lịch',
      'Xóa bố cục mẫu',
    ]) {
      expect([name, await page.getByRole('button', { name, exact: true }).count()]).toEqual([name, 0]);
    }
    expect(await page.getByTestId('revert-to-schedule').count()).toBe(0);
    expect(await page.getByTestId('schedule-editor').count()).toBe(0);
    expect(await page.getByTestId('schedule-view').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Lịch sử', exact: true }).count()).toBeGreaterThan(0);
    // Not an admin: the trail of one thing at a time, and no refusal from the hub shown as an error.
    await expect
      .poll(() => page.getByTestId('audit').innerText(), { timeout: 10_000 })
      .toContain('toàn bộ nhật ký chỉ dành cho quản trị');
    expect(await page.getByTestId('audit').getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'viewer.png') });
    await page.close();
  });

  it("refuses a wall window's token anything that acts", async () => {
    const wall = connectBridge(origin, wallToken);
    await connected(wall);
    const queued = async (): Promise<unknown> => {
      const r = await call(bridge, 'outbox', {});
      return r.ok && (r.result as { items: unknown[] }).items.length;
    };
    const before = await queued();
    for (const [name, args] of [
      ['command', { name: 'wall.activate', args: { presetId: 'giao-ban-sang' } }],
      ['login', demo],
      ['logout', {}],
      ['audit', {}],
    ] as const) {
      const r = await call(wall, name, args);
      expect([name, r.ok || r.error.code]).toEqual([name, 'forbidden']);
    }
    expect(await queued()).toBe(before);
    const hello = await call(wall, 'hello', { role: 'wall', surfaceId: 'wall-1' });
    expect(hello.ok && (hello.result as { person: unknown }).person).toBeNull();
    wall.close();
  });
});
