// The whole wall "as of T": a real hub with two days of fixture history, a real host with two surfaces, both open in
// headless Chromium, and a leader on the bridge moving the time cursor. Each widget kind's figures at T are checked
// against the host's own cache read independently with SQL; the bar is on every surface while not live; live → T →
// live restores the present; a kind that shows only the present says so in its tile.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tile } from '../../src/contract/wall.js';
import type { TimeCursorState } from '../../src/contract/time-cursor.js';
import { formatDateTime, formatNumber, isoDateInZone } from '../../src/i18n/format.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { NewEvent } from '../../hub/event-log.js';
import { createLogger } from '../../platform/logger.js';
import { type RunningHost, startHost } from '../../main/host/host.js';
import { StartOptions } from '../../main/host/start-options.js';
import { testAlarm } from '../support/alarms.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { REPO } from '../support/cli-process.js';
import { enrolDevice, enrolPerson, TEST_PASSWORD, writeCredentialFile } from '../support/hub-identity.js';
import { loginBridge } from '../support/people.js';
import { launchTestChromium } from '../support/test-chromium.js';

const shots = join(REPO, 'test-results', 'as-of');
const HOUR = 3_600_000;
const NOW = Date.now();
const T = NOW - 24 * HOUR;
const NO_WEBGL = ['--disable-gpu', '--disable-software-rasterizer', '--disable-webgl', '--disable-3d-apis'];

const at = (ago: number) => NOW - ago * HOUR;
const docs = (i: number): NewEvent => ({
  topic: 'econ.live',
  key: 'documents_processed_today',
  source: 'test',
  time: at(48 - i),
  payload: { metric: 'documents_processed_today', value: 100 + i * 10, sourceSystem: 'Hệ thống văn bản' },
});
const indicator = (province: string, ind: string, value: number, period: string, ago: number): NewEvent => ({
  topic: 'econ.indicators',
  key: `${province}:${ind}`,
  source: 'test',
  time: at(ago),
  payload: { province, indicator: ind, value, period, status: 'official', sourceSystem: 'Cục Thống kê' },
});
/** An alarm raised `raisedAgo` hours ago, as recorded `ago` hours ago: still open, or acknowledged and cleared. */
const alert = (id: string, title: string, state: 'open' | 'closed', raisedAgo: number, ago: number): NewEvent => ({
  topic: 'ops.alerts',
  key: id,
  source: 'test',
  time: at(ago),
  payload: testAlarm({ id, title, at: at(raisedAgo), then: state === 'closed' ? ['acknowledge', 'clear'] : [] }),
});
const task = (id: string, status: string, dueDate: string, ago: number): NewEvent => ({
  topic: 'gov.tasks',
  key: id,
  source: 'test',
  time: at(ago),
  payload: { id, title: `Nhiệm vụ ${id}`, assignedBy: 'government', unit: 'Bộ Tài chính', dueDate, status },
});
const DUE = isoDateInZone(NOW - 5 * 24 * HOUR);

const fixtures: NewEvent[] = [
  ...Array.from({ length: 48 }, (_, i) => docs(i)),
  indicator('01', 'gdp_growth', 6.1, '2026-09', 40),
  indicator('79', 'gdp_growth', 7.2, '2026-09', 40),
  indicator('01', 'gdp_growth', 6.5, '2026-10', 10),
  indicator('79', 'gdp_growth', 7.9, '2026-10', 10),
  indicator('01', 'disbursement', 40, '2026-09', 30),
  indicator('01', 'disbursement', 55, '2026-10', 5),
  alert('CB-1', 'Ngập lụt ở Hà Nội', 'open', 40, 40),
  alert('CB-1', 'Ngập lụt ở Hà Nội', 'closed', 40, 5),
  alert('CB-2', 'Sạt lở đất ở Lào Cai', 'open', 2, 2),
  task('NV-1', 'in_progress', isoDateInZone(NOW + 10 * 24 * HOUR), 40),
  task('NV-1', 'done_on_time', isoDateInZone(NOW + 10 * 24 * HOUR), 6),
  task('NV-2', 'overdue', DUE, 40),
];

const tile = (id: string, kind: string, [x, y, w, h]: number[], settings: Record<string, unknown>): Tile => ({
  id,
  kind,
  x: x ?? 0,
  y: y ?? 0,
  w: w ?? 1,
  h: h ?? 1,
  settings,
});

let hub: RunningHub;
let host: RunningHost;
let browser: Browser;
let bridge: Socket;
let dataDir: string;
const pages: Page[] = [];
let consolePage: Page;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  hub = await startHub({ port: 0, logFile: null, demo: false, version: 't', logger: createLogger('hub', 'error') });
  hub.publish(fixtures);
  await enrolPerson(hub, 'lanh.dao', ['leader']);
  await enrolPerson(hub, 'nguoi.xem', ['viewer']);
  dataDir = mkdtempSync(join(tmpdir(), 'ioc-as-of-'));
  host = await startHost({
    options: StartOptions.parse({
      shell: 'headless',
      port: 0,
      hub: hub.url,
      hubCredential: writeCredentialFile(dataDir, enrolDevice(hub, 'as-of-console', 'console')),
      locale: 'vi',
      dataDir,
    }),
    shell: { kind: 'headless', reason: 'as-of test' },
    monitors: [
      { id: 'm1', name: 'Màn hình 1', x: 0, y: 0, width: 1920, height: 1080, primary: true },
      { id: 'm2', name: 'Màn hình 2', x: 1920, y: 0, width: 1920, height: 1080, primary: false },
    ],
    monitorSource: 'wall-file',
    layouts: [
      {
        columns: 12,
        rows: 8,
        tiles: [
          tile('docs', 'kpi', [0, 0, 4, 4], { topic: 'econ.live', key: 'documents_processed_today' }),
          tile('chart', 'timeseries', [4, 0, 4, 4], { key: 'documents_processed_today', windowMinutes: 1440 }),
          tile('gauge', 'gauge', [8, 0, 4, 4], { indicator: 'disbursement', province: '01', target: 60, max: 100 }),
          tile('alerts', 'alerts', [0, 4, 6, 4], {}),
          tile('tasks', 'tasks', [6, 4, 6, 4], {}),
        ],
      },
      {
        columns: 12,
        rows: 8,
        tiles: [
          tile('map', 'map', [0, 0, 9, 8], { indicator: 'gdp_growth' }),
          tile('clock', 'clock', [9, 0, 3, 4], {}),
        ],
      },
    ],
    logger: createLogger('host', 'error'),
  });
  browser = await launchTestChromium(NO_WEBGL);
  for (const id of ['wall-1', 'wall-2']) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(host.urlFor(`/wall/${id}`));
    await page.locator('[data-tile-id]').first().waitFor({ timeout: 20_000 });
    pages.push(page);
  }
  consolePage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await consolePage.goto(host.urlFor('/console'));
  bridge = connectBridge(host.origin, host.token);
  await connected(bridge);
  await loginBridge(bridge, { user: 'lanh.dao', password: TEST_PASSWORD });
  // Everything the hub holds is in the cache before the wall is moved.
  await pages[0]!.waitForFunction(
    () => document.querySelector('[data-tile-id=docs] [data-testid=kpi-value]')?.textContent === '570',
    null,
    { timeout: 30_000 },
  );
}, 120_000);

afterAll(async () => {
  bridge?.close();
  await browser?.close();
  await host?.close();
  await hub?.close();
});

/** The latest payload of every key of a topic with time ≤ T, read from the host's cache with plain SQL. */
function cacheAt<P>(topic: string, time: number): Map<string, P> {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT key, offset, payload FROM events WHERE topic = ? AND time <= ? ORDER BY offset')
      .all(topic, time) as { key: string; offset: number; payload: string }[];
    const out = new Map<string, P>();
    for (const r of rows) out.set(r.key, JSON.parse(r.payload) as P);
    return out;
  } finally {
    db.close();
  }
}

async function setCursor(asOf: number | null): Promise<TimeCursorState> {
  const r = await call(bridge, 'timeCursor', { asOf });
  if (!r.ok) throw new Error(r.error.message);
  return r.result as TimeCursorState;
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe('the wall as of a time', () => {
  it('is refused to a wall window and to a viewer, and a time in the future is refused', async () => {
    const wall = connectBridge(host.origin, host.wallToken);
    await connected(wall);
    const fromWall = await call(wall, 'timeCursor', { asOf: T });
    wall.close();
    expect(fromWall.ok ? 'ok' : fromWall.error.code).toBe('forbidden');
    const viewer = connectBridge(host.origin, host.token);
    await connected(viewer);
    await loginBridge(viewer, { user: 'nguoi.xem', password: TEST_PASSWORD });
    const fromViewer = await call(viewer, 'timeCursor', { asOf: T });
    viewer.close();
    expect(fromViewer.ok ? 'ok' : fromViewer.error.message).toMatch(/vai trò/);
    const future = await call(bridge, 'timeCursor', { asOf: Date.now() + HOUR });
    expect(future.ok ? 'ok' : future.error.message).toMatch(/tương lai/);
    expect(await pages[0]!.locator('[data-testid=as-of-bar]').count()).toBe(0);
  });

  it('shows every widget kind’s figures as the cache held them at T, under the bar on every surface', async () => {
    const state = await setCursor(T);
    expect(state.asOf).toBe(T);
    const bar = `Số liệu tại thời điểm ${formatDateTime(T)}`;
    for (const page of [...pages, consolePage]) {
      await expect.poll(() => text(page, '[data-testid=as-of-bar]'), { timeout: 10_000 }).toContain(bar);
    }
    const [wall1, wall2] = pages as [Page, Page];

    const counters = cacheAt<{ value: number }>('econ.live', T);
    const docsAtT = formatNumber(counters.get('documents_processed_today')!.value);
    expect(docsAtT).toBe('340');
    await expect.poll(() => text(wall1, '[data-tile-id=docs] [data-testid=kpi-value]')).toBe(docsAtT);
    // The change compares with an hour before T: the chart and the change end at T, not now.
    await expect
      .poll(() => text(wall1, '[data-tile-id=docs] [data-testid=kpi-change]'))
      .toBe('▲ Tăng +10 (+3%) so với 60 phút trước');
    await expect.poll(() => text(wall1, '[data-tile-id=chart] [data-testid=chart-last]')).toBe(`${docsAtT} văn bản`);

    const indicators = cacheAt<{ value: number }>('econ.indicators', T);
    const gaugeAtT = formatNumber(indicators.get('01:disbursement')!.value);
    await expect.poll(() => text(wall1, '[data-tile-id=gauge] [data-testid=gauge-value]')).toContain(gaugeAtT);
    for (const code of ['01', '79']) {
      const value = formatNumber(indicators.get(`${code}:gdp_growth`)!.value, 'vi', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      await expect.poll(() => text(wall2, `[data-testid=map-table] tr[data-code="${code}"] td`)).toBe(value);
    }

    const alerts = cacheAt<{ title: string; state: string }>('ops.alerts', T);
    const openAtT = [...alerts.values()].filter((a) => a.state !== 'normal').map((a) => a.title);
    expect(openAtT).toEqual(['Ngập lụt ở Hà Nội']);
    await expect
      .poll(async () => (await wall1.locator('[data-tile-id=alerts] .alert__title').allInnerTexts()).sort())
      .toEqual(openAtT);
    // Raised 40 hours before now: 16 hours before T.
    expect(await text(wall1, '[data-tile-id=alerts] .alert__age')).toMatch(/16 giờ/);

    const tasks = cacheAt<{ status: string }>('gov.tasks', T);
    const count = (status: string) => [...tasks.values()].filter((x) => x.status === status).length;
    const shown = (status: string) => text(wall1, `[data-tile-id=tasks] .tasks__count--${status} .tasks__count-value`);
    await expect.poll(() => shown('in_progress')).toBe(String(count('in_progress')));
    expect(await shown('done_on_time')).toBe(String(count('done_on_time')));
    expect(await shown('overdue')).toBe(String(count('overdue')));
    // Overdue as of T: today is T's day.
    const days = Math.round((Date.parse(isoDateInZone(T)) - Date.parse(DUE)) / 86_400_000);
    expect(await text(wall1, '[data-tile-id=tasks] .overdue__days')).toContain(`quá hạn ${days} ngày`);

    expect(await text(wall2, '[data-tile-id=clock]')).toContain('Không hiển thị được số liệu tại thời điểm này');
    await wall1.screenshot({ path: join(shots, 'wall-1-as-of.png') });
    await wall2.screenshot({ path: join(shots, 'wall-2-as-of.png') });
  });

  it('holds live events back while not live', async () => {
    hub.publish([docs(48)].map((e) => ({ ...e, time: Date.now(), payload: { ...(e.payload as object), value: 999 } })));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await text(pages[0]!, '[data-tile-id=docs] [data-testid=kpi-value]')).toBe('340');
  });

  it('says so when the cache does not reach back to T', async () => {
    await setCursor(NOW - 30 * 24 * HOUR);
    await expect
      .poll(() => text(pages[1]!, '[data-testid=as-of-missing]'), { timeout: 10_000 })
      .toMatch(/Bộ nhớ đệm không có số liệu tại thời điểm này/);
  });

  it('returns to live in one action: the bar goes, the present comes back', async () => {
    await setCursor(null);
    for (const page of [...pages, consolePage]) {
      await expect.poll(() => page.locator('[data-testid=as-of-bar]').count(), { timeout: 10_000 }).toBe(0);
    }
    await expect.poll(() => text(pages[0]!, '[data-tile-id=docs] [data-testid=kpi-value]')).toBe('999');
    await expect
      .poll(async () => pages[0]!.locator('[data-tile-id=alerts] .alert__title').allInnerTexts())
      .toEqual(['Sạt lở đất ở Lào Cai']);
    expect(await pages[1]!.locator('[data-testid=tile-live-only]').count()).toBe(0);
  });
});
