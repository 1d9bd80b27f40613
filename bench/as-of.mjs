// Time cursor and briefing pack: (1) jump the whole wall to "as of T" on a host whose cache holds 7 days of history
// → every surface painted with the bar of T: p50/p95 of the slowest surface per jump; (2) a briefing pack of 10
// scenes printed to PDF: time and size. Printed, never pass/fail.
//
//   node bench/as-of.mjs [--quick]      alone (after `npm run build`)
/* global document, requestAnimationFrame */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHub } from '../dist/hub/hub-server.js';
import { startHost } from '../dist/main/host/host.js';
import { StartOptions } from '../dist/main/host/start-options.js';
import { createLogger } from '../dist/platform/logger.js';
import { DEMO_PRESETS } from '../dist/src/domain/presets/demo-presets.js';
import { percentile } from './stats.mjs';
import { BENCH_CHROMIUM_ARGS, connectBridge, connected, round } from './support.mjs';

const quick = process.argv.includes('--quick');
const DAY = 86_400_000;
const JUMPS = quick ? 5 : 20;
const KEYS = 60;
const STEP_MS = 10 * 60_000;
const NOW = Date.now();

const call = (socket, name, args, ms = 600_000) => socket.timeout(ms).emitWithAck('call', { name, args });

const hub = await startHub({
  port: 0,
  logFile: null,
  demo: false,
  version: 'bench',
  logger: createLogger('hub', 'error'),
});
// 7 days of a live counter per province key, every 10 minutes: the cache the wall is moved over.
const events = [];
for (let t = NOW - 7 * DAY; t < NOW; t += STEP_MS)
  for (let k = 0; k < KEYS; k++)
    events.push({
      topic: 'econ.live',
      key: k === 0 ? 'documents_processed_today' : `bench-${k}`,
      source: 'bench',
      time: t,
      payload: {
        metric: 'documents_processed_today',
        value: Math.round((t - NOW + 7 * DAY) / STEP_MS) + k,
        sourceSystem: 'bench',
      },
    });
for (let i = 0; i < events.length; i += 10_000) hub.publish(events.slice(i, i + 10_000));
for (const p of DEMO_PRESETS)
  hub.publish([
    {
      topic: 'wall.presets',
      key: p.id,
      source: 'bench',
      time: NOW - 8 * DAY,
      payload: { ...p, version: 1, updatedAt: NOW - 8 * DAY, updatedBy: 'bench' },
    },
  ]);
const password = 'mật khẩu đo hiệu năng';
await hub.admin.addUser(
  { person: 'cli:bench', device: 'bench', peer: null },
  { name: 'lanh.dao', roles: ['leader'], password, displayName: 'Lãnh đạo' },
);
let credential;
hub.admin.addDevice(
  { person: 'cli:bench', device: 'bench', peer: null },
  'bench-console',
  'console',
  (secret) => (credential = { device: 'bench-console', secret }),
);
const dataDir = mkdtempSync(join(tmpdir(), 'ioc-bench-as-of-'));
const { writeFileSync } = await import('node:fs');
const credentialFile = join(dataDir, 'credential.json');
writeFileSync(credentialFile, JSON.stringify(credential), { mode: 0o600 });
const monitors = [0, 1, 2, 3].map((i) => ({
  id: `m${i}`,
  name: `M${i}`,
  x: (i % 2) * 1920,
  y: Math.floor(i / 2) * 1080,
  width: 1920,
  height: 1080,
  primary: i === 0,
}));
const host = await startHost({
  options: StartOptions.parse({ shell: 'headless', port: 0, hub: hub.url, hubCredential: credentialFile, dataDir }),
  shell: { kind: 'headless', reason: 'bench' },
  monitors,
  monitorSource: 'wall-file',
  // Tiles that honour T and read the 7-day topic: a figure with its change and sparkline, a day's chart.
  layouts: [
    {
      columns: 2,
      rows: 2,
      tiles: [
        {
          id: 'kpi',
          kind: 'kpi',
          x: 0,
          y: 0,
          w: 1,
          h: 1,
          settings: { topic: 'econ.live', key: 'documents_processed_today' },
        },
        { id: 'kpi-2', kind: 'kpi', x: 1, y: 0, w: 1, h: 1, settings: { topic: 'econ.live', key: 'bench-1' } },
        {
          id: 'chart',
          kind: 'timeseries',
          x: 0,
          y: 1,
          w: 2,
          h: 1,
          settings: { key: 'documents_processed_today', windowMinutes: 1440 },
        },
      ],
    },
  ],
  logger: createLogger('host', 'error'),
});
const bridge = connectBridge(host.origin, host.token);
await connected(bridge);
const login = await call(bridge, 'login', { user: 'lanh.dao', password });
if (!login.ok || !login.result.ok) throw new Error('bench login failed');
// The cache holds everything before the wall is moved.
while ((host.status().feed.topics['econ.live']?.offset ?? 0) < events.length)
  await new Promise((r) => setTimeout(r, 200));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BENCH_CHROMIUM_ARGS });
const pages = [];
for (const s of host.surfaces.all()) {
  const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  await page.goto(host.urlFor(`/wall/${s.id}`));
  await page.locator('[data-tile-id]').first().waitFor({ timeout: 60_000 });
  pages.push(page);
}

/** Resolves in the page when the bar of `asOf` is painted (the frame after it appears). */
const paintedAt = (page, asOf) =>
  page.evaluate(
    (at) =>
      new Promise((resolve) => {
        const painted = () =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
            channel.port2.postMessage(0);
          });
        const check = () => document.querySelector(`[data-testid=as-of-bar][data-as-of="${at}"]`) !== null;
        if (check()) return painted();
        const timer = setInterval(() => {
          if (!check()) return;
          clearInterval(timer);
          painted();
        }, 5);
      }),
    asOf,
  );

const times = [];
for (let i = 0; i < JUMPS; i++) {
  const asOf = NOW - Math.round((0.5 + Math.random() * 6) * DAY);
  const waits = pages.map((p) => paintedAt(p, asOf));
  const started = Date.now();
  const r = await call(bridge, 'timeCursor', { asOf });
  if (!r.ok) throw new Error(r.error.message);
  const done = await Promise.all(waits);
  times.push(Math.max(...done) - started);
  await call(bridge, 'timeCursor', { asOf: null });
  await new Promise((r) => setTimeout(r, 300));
}
times.sort((a, b) => a - b);
console.log(
  `as of T on a 7-day cache (${events.length.toLocaleString('vi-VN')} events, ${pages.length} surfaces, ${JUMPS} jumps)`,
);
console.log(
  `  every surface painted: p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms (target p95 < 1000 ms)`,
);

const scenes = Array.from({ length: 10 }, (_, i) => ({
  title: `Nội dung ${i + 1}`,
  presetId: DEMO_PRESETS[i % DEMO_PRESETS.length].id,
  asOf: NOW - (i + 1) * 12 * 3_600_000,
}));
const started = Date.now();
const pack = await call(bridge, 'briefingPack', {
  name: 'Đo hiệu năng tài liệu họp',
  presenter: 'Lãnh đạo',
  classification: 'internal',
  scenes,
});
if (!pack.ok) throw new Error(pack.error.message);
console.log(
  `briefing pack of 10 scenes: ${round((Date.now() - started) / 1000, 1)} s, ${round(pack.result.bytes / 1024)} KB, ${pack.result.pages} pages`,
);

bridge.close();
await browser.close();
await host.close();
await hub.close();
