// KPI tiles in Chromium with fixture data: the figure formatted vi-VN, its change against the previous period
// (arrow, word and sign), target and attainment, a sparkline from history, and provenance (source system,
// reporting period, preliminary or official); bad settings and bad data show an error in their own tile while
// the neighbouring KPI still renders.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tile } from '../../../src/contract/wall.js';
import type { NewEvent } from '../../../hub/event-log.js';
import { REPO } from '../../support/cli-process.js';
import { startWidgetHarness, type WidgetHarness } from '../../support/widget-harness.js';

const shots = join(REPO, 'test-results', 'widgets');
const NOW = Date.now();
const MIN = 60_000;

const tile = (id: string, [x, y, w, h]: number[], settings: Record<string, unknown>): Tile => ({
  id,
  kind: 'kpi',
  x: x ?? 0,
  y: y ?? 0,
  w: w ?? 1,
  h: h ?? 1,
  settings,
});

const fdi = (code: string, value: number, period: string, status: string, ago: number): NewEvent => ({
  topic: 'econ.indicators',
  key: `${code}:fdi`,
  source: 'test',
  time: NOW - ago,
  payload: {
    province: code,
    indicator: 'fdi',
    value,
    period,
    status,
    sourceSystem: 'Cục Đầu tư nước ngoài (Bộ Tài chính)',
  },
});

const cpi = (value: number, period: string, ago: number): NewEvent => ({
  topic: 'econ.indicators',
  key: '79:cpi',
  source: 'test',
  time: NOW - ago,
  payload: {
    province: '79',
    indicator: 'cpi',
    value,
    period,
    status: 'official',
    sourceSystem: 'Cục Thống kê (Bộ Tài chính)',
  },
});

const docs = (value: number, ago: number): NewEvent => ({
  topic: 'econ.live',
  key: 'documents_processed_today',
  source: 'test',
  time: NOW - ago,
  payload: { metric: 'documents_processed_today', value, sourceSystem: 'Hệ thống quản lý văn bản và điều hành' },
});

const fixtures: NewEvent[] = [
  // FDI of two provinces, September then October (preliminary for TP Hồ Chí Minh): sum 1.200 → 1.234,5.
  fdi('01', 800, '2026-09', 'official', 3 * 86_400_000),
  fdi('79', 400, '2026-09', 'official', 3 * 86_400_000),
  fdi('01', 1000.25, '2026-10', 'official', 2 * 86_400_000),
  fdi('79', 234.25, '2026-10', 'preliminary', 2 * 86_400_000),
  // TP Hồ Chí Minh's CPI rise falls from 3,5% to 3,2%.
  cpi(3.5, '2026-09', (40 * 86_400_000) / 10),
  cpi(3.2, '2026-10', 86_400_000),
  // Documents processed today, every five minutes for two hours: 100, 120, … 580.
  ...Array.from({ length: 25 }, (_, i) => docs(100 + i * 20, (120 - i * 5) * MIN)),
  {
    topic: 'gov.tasks',
    key: 'NV-1',
    source: 'test',
    time: NOW - MIN,
    payload: {
      id: 'NV-1',
      title: 'Báo cáo giải ngân',
      assignedBy: 'government',
      unit: 'Bộ Tài chính',
      dueDate: '2026-10-30',
      status: 'in_progress',
    },
  },
];

describe('KPI tiles', () => {
  let harness: WidgetHarness;
  let page: Page;
  const kpi = (id: string): Locator => page.locator(`[data-tile-id="${id}"]`);

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    harness = await startWidgetHarness({
      fixtures,
      tiles: [
        tile('fdi', [0, 0, 4, 4], { indicator: 'fdi', aggregate: 'sum', target: 1500 }),
        tile('cpi', [4, 0, 4, 4], { topic: 'econ.indicators', key: '79:cpi', better: 'lower', fractionDigits: 1 }),
        tile('docs', [8, 0, 4, 4], { topic: 'econ.live', key: 'documents_processed_today', fractionDigits: 0 }),
        tile('bad-settings', [0, 4, 4, 4], { indicator: 'gdp', aggregate: 'median' }),
        tile('bad-data', [4, 4, 4, 4], { topic: 'gov.tasks', key: 'NV-1' }),
        tile('neighbour', [8, 4, 4, 4], { indicator: 'fdi', aggregate: 'mean' }),
      ],
    });
    page = await harness.open();
    await kpi('fdi').locator('[data-testid=kpi-sparkline]').waitFor({ timeout: 20_000 });
    await kpi('docs').locator('[data-testid=kpi-sparkline]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(shots, 'kpi.png') });
    await kpi('fdi').screenshot({ path: join(shots, 'kpi-fdi.png') });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the value formatted vi-VN with its unit', async () => {
    expect(await kpi('fdi').locator('[data-testid=kpi-value]').innerText()).toBe('1.234,5');
    expect(await kpi('fdi').locator('.kpi__unit').innerText()).toBe('triệu USD');
    expect(await kpi('docs').locator('[data-testid=kpi-value]').innerText()).toBe('580');
  });

  it('shows the change against the previous period with arrow, word and sign', async () => {
    const fdiChange = kpi('fdi').locator('[data-testid=kpi-change]');
    await expect.poll(() => fdiChange.innerText()).toBe('▲ Tăng +34,5 (+2,9%) so với Tháng 09/2026');
    expect(await fdiChange.getAttribute('class')).toMatch(/kpi__change--good/);
    // CPI falling is good news: the words say "down", the colour says good.
    const cpiChange = kpi('cpi').locator('[data-testid=kpi-change]');
    // A change of a rate is in percentage points, with no percent of a percent.
    await expect.poll(() => cpiChange.innerText()).toBe('▼ Giảm −0,3 điểm phần trăm so với Tháng 09/2026');
    expect(await cpiChange.getAttribute('class')).toMatch(/kpi__change--good/);
    // A live counter has no period: compared with an hour before its newest value (580 vs 340).
    await expect
      .poll(() => kpi('docs').locator('[data-testid=kpi-change]').innerText())
      .toBe('▲ Tăng +240 (+70,6%) so với 60 phút trước');
  });

  it('shows the target with its attainment, and a sparkline from history', async () => {
    expect(await kpi('fdi').locator('[data-testid=kpi-target]').innerText()).toBe(
      'Mục tiêu: 1.500 triệu USD · Đạt 82,3% mục tiêu',
    );
    expect(Number(await kpi('docs').locator('[data-testid=kpi-sparkline]').getAttribute('data-points'))).toBe(25);
    expect(await kpi('docs').locator('[data-testid=kpi-sparkline] path').getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){24}$/,
    );
  });

  it('shows provenance: source system, reporting period, preliminary or official, and the age', async () => {
    const fdiText = await kpi('fdi').locator('[data-testid=kpi-provenance]').innerText();
    expect(fdiText).toBe(
      'Nguồn: Cục Đầu tư nước ngoài (Bộ Tài chính) · Tháng 10/2026 · Sơ bộ 1/2 · Tổng 2/34 tỉnh, thành phố',
    );
    expect(await kpi('cpi').locator('[data-testid=kpi-provenance]').innerText()).toMatch(
      /Nguồn: Cục Thống kê \(Bộ Tài chính\) · Tháng 10\/2026 · Số liệu chính thức/,
    );
    expect(await kpi('docs').locator('.age-badge').innerText()).toMatch(/Cập nhật/);
  });

  it('shows bad settings and bad data as errors inside their tiles, the neighbour still renders', async () => {
    const bad = kpi('bad-settings');
    expect(await bad.getAttribute('data-state')).toBe('error');
    expect(await bad.locator('[role=alert]').innerText()).toMatch(/Cấu hình của ô không hợp lệ[\s\S]*indicator/);
    const badData = kpi('bad-data');
    await badData.locator('[role=alert]').waitFor();
    expect(await badData.locator('[role=alert]').innerText()).toMatch(/NV-1.*payload\.value/);
    expect(await kpi('neighbour').locator('[data-testid=kpi-value]').innerText()).toBe('617,3');
  });
});
