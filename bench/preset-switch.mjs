// 5. Preset switch: an operator action (bridge call `command wall.activate`, as the console makes it) → every
// surface of a 4-monitor wall painted with the new layout. Four wall pages of one host in headless Chromium each
// report when the frame holding the new preset's tiles was painted; p50/p95 of the slowest page per switch.
//
//   node bench/preset-switch.mjs [--quick]      alone (after `npm run build`)
//   node bench/run.mjs preset-switch            with the others, once it is listed in bench/run.mjs
// The functions handed to page.evaluate run in the wall pages, where these exist.
/* global window, document, requestAnimationFrame, MutationObserver */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PRESETS } from '../dist/src/domain/presets/demo-presets.js';
import { fmt, section, table, targetLines } from './report.mjs';
import { percentile } from './stats.mjs';
import {
  BENCH_CHROMIUM_ARGS,
  REPO,
  atCleanup,
  connectBridge,
  connected,
  round,
  runAlone,
  sleep,
  tempDir,
  trackChild,
  within,
} from './support.mjs';

export const SURFACES = ['wall-1', 'wall-2', 'wall-3', 'wall-4'];
/** Both cover all four surfaces, with different tile ids: every switch changes every surface. */
export const PRESETS = ['giao-ban-sang', 'ung-pho-khan-cap'];
export const TARGET_MS = 300;
const WALL = {
  name: 'bench 2×2',
  monitors: [
    { id: 'tl', name: 'TL', x: 0, y: 0, width: 1920, height: 1080, primary: true },
    { id: 'tr', name: 'TR', x: 1920, y: 0, width: 1920, height: 1080 },
    { id: 'bl', name: 'BL', x: 0, y: 1080, width: 1920, height: 1080 },
    { id: 'br', name: 'BR', x: 1920, y: 1080, width: 1920, height: 1080 },
  ],
};

export const now = () => performance.timeOrigin + performance.now();

export function tileIds(presetId, surfaceId) {
  return DEMO_PRESETS.find((p) => p.id === presetId).layouts[surfaceId].tiles.map((t) => t.id);
}

/**
 * Arms a page: resolves (epoch ms, sub-ms) once its tiles are exactly `ids` and the frame showing them has been
 * painted — a MutationObserver sees React's commit, requestAnimationFrame waits for that frame, and a message
 * posted from the frame callback runs only after the frame was rendered.
 */
export function arm(page, ids) {
  return page.evaluate((want) => {
    window.__painted = new Promise((resolve) => {
      const target = JSON.stringify(want);
      const matches = () =>
        JSON.stringify([...document.querySelectorAll('.wall [data-tile-id]')].map((e) => e.dataset.tileId)) === target;
      const painted = () =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
          channel.port2.postMessage(0);
        });
      if (matches()) return painted();
      const observer = new MutationObserver(() => {
        if (!matches()) return;
        observer.disconnect();
        painted();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  }, ids);
}

export async function startHost(dir) {
  const wallFile = join(dir, 'wall.json');
  writeFileSync(wallFile, JSON.stringify(WALL));
  const env = { ...process.env, IOC_LOG_LEVEL: 'error' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = trackChild(
    spawn(
      process.execPath,
      [
        join(REPO, 'bin/ioc-wall.js'),
        'start',
        '--shell',
        'headless',
        '--demo',
        '--wall',
        wallFile,
        '--port',
        '0',
        '--data-dir',
        join(dir, 'data'),
      ],
      { cwd: REPO, env, stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((r) => child.once('exit', r));
  atCleanup(async () => {
    child.kill('SIGTERM');
    if (!(await within(exited, 8_000))) child.kill('SIGKILL');
  });
  const deadline = Date.now() + 30_000;
  while (!/status: http/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`host did not start:\n${out}`);
    await sleep(50);
  }
  const [, origin, token] = out.match(/console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
  const urls = Object.fromEntries(SURFACES.map((s) => [s, out.match(new RegExp(`${s} \\(.*\\): (\\S+)`))[1]]));
  // The embedded demo hub's person, printed once: switches are this person's, as on a console.
  const [, user, password] = out.match(/login: (\S+) password: (\S+)/);
  return { origin, token, urls, login: { user, password } };
}

/**
 * A host with a 2×2 wall, a bridge client logged in as the demo person (as a console), and the four wall pages
 * open in one headless Chromium, first data painted. `call` sends a command; `layoutAt.last` is when the bridge
 * client last got a `layout` event.
 */
export async function openWall(dir) {
  const host = await startHost(dir);
  const bridge = connectBridge(host.origin, host.token);
  await connected(bridge);
  await new Promise((resolve, reject) =>
    bridge.emit('call', { name: 'login', args: host.login }, (res) =>
      res?.ok && res.result.ok ? resolve() : reject(new Error(`login refused: ${JSON.stringify(res)}`)),
    ),
  );
  const layoutAt = { last: 0 };
  bridge.on('layout', () => (layoutAt.last = now()));
  const browser = await chromium.launch({
    executablePath: process.env.IOC_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      ...BENCH_CHROMIUM_ARGS,
      // Four pages of one browser paint as four windows of a wall would: none of them is a throttled background tab.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  atCleanup(() => browser.close());
  const pages = [];
  for (const s of SURFACES) {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.goto(host.urls[s]);
    await page.locator('.wall [data-tile-id]').first().waitFor({ timeout: 30_000 });
    pages.push({ surface: s, page });
  }
  await sleep(1500); // first data painted, charts settled

  const call = (name, args) =>
    new Promise((resolve, reject) =>
      bridge
        .timeout(10_000)
        .emit('call', { name: 'command', args: { name, args } }, (err, res) =>
          err ? reject(err) : res.ok ? resolve(res.result) : reject(new Error(res.error.message)),
        ),
    );
  return { bridge, pages, browser, call, layoutAt };
}

export async function run({ quick, print }) {
  const switches = quick ? 6 : 40;
  const warmup = 2;
  print(
    section('5. preset switch: operator action → every surface of a 4-monitor wall painted (ms)', [
      `\`ioc-wall start --shell headless --wall\` with four 1920×1080 monitors (2×2) and its embedded demo hub; four`,
      `wall pages (960×540) in one headless Chromium. A switch is the console's bridge call \`command\``,
      `{wall.activate}: outbox (synchronous=FULL) → hub command log → feed → host → \`layout\` event → each page`,
      `swaps its grid. Clock from just before the call until the last of the four pages has painted a frame with`,
      `the new preset's tiles. ${switches} switches alternating ${PRESETS.join(' ↔ ')} (${warmup} more first, not counted),`,
      `300 ms apart. Pages report paint times on the same machine clock (performance.timeOrigin + now()).`,
    ]),
  );
  const { bridge, pages, browser, call, layoutAt } = await openWall(tempDir('preset'));
  const results = [];
  for (let i = 0; i < warmup + switches; i++) {
    const presetId = PRESETS[i % PRESETS.length];
    await Promise.all(pages.map(({ surface, page }) => arm(page, tileIds(presetId, surface))));
    layoutAt.last = 0;
    const t0 = now();
    await call('wall.activate', { presetId });
    const stored = now() - t0;
    const painted = await Promise.all(
      pages.map(({ page }) =>
        page.evaluate(() => Promise.race([window.__painted, new Promise((r) => setTimeout(() => r(null), 10_000))])),
      ),
    );
    if (painted.some((p) => p === null)) throw new Error(`switch ${i} to ${presetId}: a page never painted it`);
    const perPage = painted.map((p) => p - t0);
    if (i >= warmup) {
      results.push({
        stored,
        layout: layoutAt.last ? layoutAt.last - t0 : NaN,
        first: Math.min(...perPage),
        all: Math.max(...perPage),
      });
    }
    await sleep(300);
  }
  bridge.close();
  await browser.close();

  const col = (key) => Float64Array.from(results.map((r) => r[key])).sort();
  const row = (label, key) => {
    const v = col(key);
    return [label, fmt(percentile(v, 50), 1), fmt(percentile(v, 95), 1), fmt(v[v.length - 1], 1)];
  };
  print(
    table(
      ['from the action until', 'p50', 'p95', 'max'],
      [
        row('stored in the outbox (call answered)', 'stored'),
        row('bench bridge client got the last `layout` event', 'layout'),
        row('first surface painted', 'first'),
        row('all 4 surfaces painted', 'all'),
      ],
    ),
  );
  const all = col('all');
  const p50 = percentile(all, 50);
  const p95 = percentile(all, 95);
  const targets = [
    {
      what: `preset switch, all 4 surfaces painted: p50 < ${TARGET_MS} ms`,
      measured: `${fmt(p50, 1)} ms`,
      met: p50 < TARGET_MS,
    },
    { what: `… p95 < ${TARGET_MS} ms`, measured: `${fmt(p95, 1)} ms`, met: p95 < TARGET_MS },
  ];
  print(targetLines(targets));
  return {
    bench: 'preset-switch',
    switches,
    surfaces: SURFACES.length,
    allPaintedMs: { p50: round(p50, 1), p95: round(p95, 1), max: round(all[all.length - 1], 1) },
    storedMs: { p50: round(percentile(col('stored'), 50), 1) },
    layoutMs: { p50: round(percentile(col('layout'), 50), 1) },
    targets,
  };
}

// Run alone: `node bench/preset-switch.mjs [--quick]`.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
