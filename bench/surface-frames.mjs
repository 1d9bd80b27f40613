// 7. Frame time of a wall surface with 12 tiles, and memory per wall window (issue 5). One headless Chromium
// window shows a surface of 12 tiles (KPIs, charts, alerts, tasks, clock, ticker) fed by the demo hub at a busy
// room's pace; the page records the interval between consecutive animation frames for the window, and the bench
// sums the resident memory of that browser's processes.
//
//   node bench/run.mjs frames [--quick]
/* global requestAnimationFrame */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHub } from '../dist/hub/hub-server.js';
import { createLogger } from '../dist/platform/logger.js';
import { startHost } from '../dist/main/host/host.js';
import { StartOptions } from '../dist/main/host/start-options.js';
import { fmt, section, table } from './report.mjs';
import { percentile, windowMemory } from './stats.mjs';
import { BENCH_CHROMIUM_ARGS, atCleanup, benchCredentialFile, sleep, tempDir } from './support.mjs';

const RATE = 50; // events/s: a busy operations room (the demo's working-day pace is about 6/s)
const kpi = (id, key) => ({ id, kind: 'kpi', settings: { topic: 'econ.live', key } });
const at = (i, tile) => ({ ...tile, x: (i % 4) * 3, y: Math.floor(i / 4) * 3, w: 3, h: 3 });
const TILES = [
  kpi('k1', 'new_businesses_today'),
  kpi('k2', 'public_services_today'),
  kpi('k3', 'documents_processed_today'),
  { id: 'k4', kind: 'kpi', settings: { topic: 'econ.indicators', indicator: 'gdp_growth', aggregate: 'mean' } },
  { id: 't1', kind: 'timeseries', settings: { topic: 'econ.live', key: 'new_businesses_today' } },
  { id: 't2', kind: 'timeseries', settings: { topic: 'econ.live', key: 'public_services_today' } },
  { id: 'b1', kind: 'bars', settings: { indicator: 'fdi' } },
  { id: 'g1', kind: 'gauge', settings: { indicator: 'disbursement', target: 60 } },
  { id: 'a1', kind: 'alerts', settings: {} },
  { id: 'ta', kind: 'tasks', settings: {} },
  { id: 'c1', kind: 'clock', settings: { zones: ['Asia/Ho_Chi_Minh'] } },
  { id: 'ti', kind: 'ticker', settings: {} },
].map((t, i) => at(i, t));

export async function run({ quick, print }) {
  const seconds = quick ? 6 : 20;
  print(
    section('7. frame time of a 12-tile surface, memory per wall window', [
      `A surface of 12 tiles (4 KPIs, 2 time series, bars, gauge, alerts, tasks, clock, ticker) at 1920×1080 in one`,
      `headless Chromium window (its own profile), fed by a demo hub at ${RATE} events/s. For ${seconds} s the page`,
      `records the interval between animation frames (16.7 ms = keeping up with 60 Hz; more = a frame took longer).`,
      `Memory: JS heap of the page (CDP) and the proportional set size of all the window's processes (browser, renderer,
GPU…: shared pages counted once).`,
    ]),
  );
  const dir = tempDir('frames');
  const logger = createLogger('bench', 'error');
  const hub = await startHub({ port: 0, logFile: null, demo: true, seed: 7, rate: RATE, version: 'bench', logger });
  atCleanup(() => hub.close());
  const host = await startHost({
    options: StartOptions.parse({
      shell: 'headless',
      port: 0,
      hub: hub.url,
      hubCredential: benchCredentialFile(hub, join(dir, 'credential')),
      dataDir: join(dir, 'data'),
    }),
    shell: { kind: 'headless', reason: 'bench' },
    monitors: [{ id: 'm1', name: 'M1', x: 0, y: 0, width: 1920, height: 1080, primary: true }],
    monitorSource: 'default',
    layouts: [{ columns: 12, rows: 9, tiles: TILES }],
    logger,
  });
  atCleanup(() => host.close());
  const profile = join(dir, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.IOC_CHROMIUM ?? '/usr/bin/chromium',
    viewport: { width: 1920, height: 1080 },
    args: BENCH_CHROMIUM_ARGS,
  });
  atCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.urlFor('/wall/wall-1'));
  await page
    .locator('[data-tile-id]')
    .nth(TILES.length - 1)
    .waitFor({ timeout: 30_000 });
  await sleep(3000); // charts loaded their history, fonts in
  const intervals = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const out = [];
        let last = performance.now();
        const end = last + ms;
        const step = (t) => {
          out.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(step);
          else resolve(out);
        };
        requestAnimationFrame(step);
      }),
    seconds * 1000,
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const memory = windowMemory(profile);
  const errors = await page.locator('[data-state=error]').count();
  await context.close();

  const sorted = Float64Array.from(intervals.slice(1)).sort();
  const frames = sorted.length;
  const over = (ms) => sorted.filter((v) => v > ms).length;
  print(
    table(
      ['figure', 'value'],
      [
        ['frames recorded', String(frames)],
        ['frame interval p50 (ms)', fmt(percentile(sorted, 50), 1)],
        ['frame interval p95 (ms)', fmt(percentile(sorted, 95), 1)],
        ['frame interval max (ms)', fmt(sorted[frames - 1], 1)],
        ['frames over 33 ms / 50 ms', `${over(33.4)} / ${over(50)}`],
        ['JS heap used (MiB)', fmt(metrics.JSHeapUsedSize / 1048576, 1)],
        ['DOM nodes', String(metrics.Nodes)],
        [`memory of the window, PSS of ${memory.processes} processes (MiB)`, fmt(memory.mib, 0)],
        ['tiles in error', String(errors)],
      ],
    ),
  );
  return {
    bench: 'frames',
    seconds,
    rate: RATE,
    tiles: TILES.length,
    frameMs: {
      p50: Number(fmt(percentile(sorted, 50), 1)),
      p95: Number(fmt(percentile(sorted, 95), 1)),
      max: Number(fmt(sorted[frames - 1], 1)),
    },
    framesOver50ms: over(50),
    jsHeapMiB: Number(fmt(metrics.JSHeapUsedSize / 1048576, 1)),
    windowPssMiB: Math.round(memory.mib),
    windowProcesses: memory.processes,
    tileErrors: errors,
  };
}
