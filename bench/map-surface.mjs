// 8. The map on software WebGL (issue 4, its last benchmark). Headless Chromium, 1920×1080, WebGL2 on SwiftShader
// (no GPU here).
//
//  A. One wall surface: the map (34 provinces + 10,000 points from a site points file), 6 charts (2 time series,
//     2 bars, gauge, stacked tasks) and 2 live HLS videos (ffmpeg at bench time, on loopback). A demo hub feeds the
//     charts; the bench changes one province's indicator every UPDATE_MS (the choropleth recolours). Figures: time
//     from an indicator update reaching the page to the end of the first frame in which the map drew again
//     (p50/p95), and from its source time; frame intervals; CPU per Chromium process kind; memory (PSS) of the
//     window.
//  B. The map alone with 0, 10k, 100k and 1M points from a points file (plus, at the largest size, dots of 1 px
//     and the heatmap instead of dots): load (file → first frame with the points, with the page's own marks
//     fetched / checked / drawn), frames while the view is dragged and zoomed with the mouse, update → repaint,
//     memory, CPU per process kind, and a CPU profile of the page while it loads the largest file.
//
// The page tells the bench when an indicator arrives through `window.__wallProbe.data()` (renderer/widgets/map/
// MapView.tsx, a no-op without the probe, which only benchmarks inject: bench/map-probe.mjs) and the probe counts a
// frame as "the map repainted" when WebGL draw calls were made on the map's canvas in it. End of a frame = a message
// posted from requestAnimationFrame (after that frame's rendering update); compositing and SwiftShader's raster in
// the GPU process come after, so these are lower bounds of what a viewer sees.
//
// Site files: the host serves the renderer folder; a site's files go in `dist/renderer/site/` (as `boundaryUrl`
// files do), written before the host starts (its static server lists the folder at start). The bench writes its
// points files there and removes them at exit.
//
//   node bench/run.mjs surface [--quick]       (after `npm run build`)
// Env: IOC_MAP_GL=swiftshader,llvmpipe (backends, default both), IOC_MAP_PARTS=surface,alone (default both).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHub } from '../dist/hub/hub-server.js';
import { createLogger } from '../dist/platform/logger.js';
import { startHost } from '../dist/main/host/host.js';
import { softwareGlFlags } from '../dist/main/host/shells/chromium-flags.js';
import { StartOptions } from '../dist/main/host/start-options.js';
import { PROVINCES } from '../dist/src/domain/provinces.js';
import { installMapProbe, startRecording, stopRecording, webgl2Renderer } from './map-probe.mjs';
import { fmt, section, table } from './report.mjs';
import { cpuBetween, processCpuSeconds, summarize, windowCpu, windowMemory } from './stats.mjs';
import {
  BENCH_CHROMIUM_ARGS,
  REPO,
  atCleanup,
  benchCredentialFile,
  sleep,
  startBenchHub,
  tempDir,
  trackChild,
  within,
} from './support.mjs';

const CHROMIUM = process.env.IOC_CHROMIUM ?? '/usr/bin/chromium';
const SITE = join(REPO, 'dist', 'renderer', 'site');
/**
 * Software WebGL backends: SwiftShader is what headless Chromium takes by itself (and a wall PC without a usable
 * GPU driver); llvmpipe (Mesa, through ANGLE's GL backend on EGL) is what a Debian wall PC without a GPU has.
 * IOC_MAP_GL=swiftshader,llvmpipe (default both).
 */
const BACKENDS = {
  swiftshader: [],
  llvmpipe: softwareGlFlags('headless'),
};
const GL = (process.env.IOC_MAP_GL ?? 'swiftshader,llvmpipe').split(',').filter((b) => b in BACKENDS);
/** IOC_MAP_PARTS=surface,alone (default both): A, B or both. */
const PARTS = (process.env.IOC_MAP_PARTS ?? 'surface,alone').split(',');
const DEMO_RATE = 20; // events/s of the demo hub feeding the charts
const UPDATE_MS = 1000; // one province indicator changes every second

/** Update → repaint of the map: each arrival against the first map frame whose drawing began at or after it. */
function updateLatencies(S) {
  const toFrame = [];
  const sourceToFrame = [];
  let j = 0;
  let unshown = 0;
  for (const [ta, src] of S.arrivals) {
    while (j < S.mapFrames.length && S.mapFrames[j][1] < ta) j++;
    if (j >= S.mapFrames.length) {
      unshown++;
      continue;
    }
    const end = S.mapFrames[j][0];
    toFrame.push(end - ta);
    if (Number.isFinite(src)) sourceToFrame.push(S.timeOrigin + end - src);
  }
  return { toFrame: summarize(toFrame), sourceToFrame: summarize(sourceToFrame), unshown };
}

// ---------------------------------------------------------------------------------------------------------------
// Data.

/** Indicator events for all 34 provinces (the map's and the bars' and gauge's). */
export function indicatorEvents(indicator, base, spread, time = Date.now()) {
  return PROVINCES.map((p, i) => ({
    topic: 'econ.indicators',
    key: `${p.code}:${indicator}`,
    source: 'bench',
    time,
    payload: {
      province: p.code,
      indicator,
      value: Math.round((base + ((i * 37) % 34) * spread) * 10) / 10,
      period: '2026-Q3',
      status: 'official',
      sourceSystem: 'bench',
    },
  }));
}

/** A seeded stream of province updates: each a new gdp_growth value for one province, stamped now. */
function updater(publish) {
  let i = 0;
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return () => {
    const p = PROVINCES[(i++ * 7) % PROVINCES.length];
    publish([
      {
        topic: 'econ.indicators',
        key: `${p.code}:gdp_growth`,
        source: 'bench',
        time: Date.now(),
        payload: {
          province: p.code,
          indicator: 'gdp_growth',
          value: Math.round((4 + random() * 8) * 10) / 10,
          period: '2026-Q3',
          status: 'official',
          sourceSystem: 'bench',
        },
      },
    ]);
  };
}

/**
 * A points file of `n` points over Vietnam's mainland and near sea (seeded), as a site would export it: columns
 * lon, lat (4 decimals ≈ 10 m), value, kind. Returns its path under the app and its size.
 */
function writePointsFile(n) {
  mkdirSync(SITE, { recursive: true });
  const name = `bench-points-${n}.json`;
  const file = join(SITE, name);
  atCleanup(() => rmSync(file, { force: true }));
  let seed = n + 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const kinds = ['project', 'camera', 'other'];
  const lon = new Array(n);
  const lat = new Array(n);
  const value = new Array(n);
  const kind = new Array(n);
  for (let i = 0; i < n; i++) {
    // Along the S-shaped country: latitude 8.6–23.3, longitude drifting from 104–107 (north) to 105–109 (centre).
    const y = 8.6 + random() * 14.7;
    const centre = y > 17 ? 105.5 : y > 11 ? 107.5 - (y - 11) * 0.2 : 106;
    lat[i] = Math.round(y * 1e4) / 1e4;
    lon[i] = Math.round((centre + (random() - 0.5) * 3) * 1e4) / 1e4;
    value[i] = Math.round(random() * 100);
    kind[i] = kinds[i % 3];
  }
  const text = JSON.stringify({ lon, lat, value, kind });
  writeFileSync(file, text);
  return { url: `site/${name}`, bytes: text.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Two live videos: ffmpeg's test pattern as HLS, served on loopback with CORS (as a VMS on its own origin would).

async function startHls(label, seconds) {
  const dir = tempDir(`hls-${label}`);
  const playlist = join(dir, 'live.m3u8');
  const ffmpeg = trackChild(
    spawn(
      '/usr/bin/ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi'],
        ...['-i', `testsrc=size=640x360:rate=25`, '-t', String(seconds)],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
        ...['-g', '25', '-keyint_min', '25', '-sc_threshold', '0'],
        ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '5', '-hls_flags', 'delete_segments', playlist],
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    ),
  );
  const exited = new Promise((r) => ffmpeg.once('exit', r));
  atCleanup(async () => {
    ffmpeg.kill('SIGTERM');
    if (!(await within(exited, 3000))) ffmpeg.kill('SIGKILL');
  });
  const types = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t' };
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0].slice(1);
    const file = join(dir, name);
    if (!/^[\w.-]+$/.test(name) || !existsSync(file)) {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(name)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  atCleanup(() => new Promise((r) => server.close(() => r())));
  server.unref();
  const origin = `http://127.0.0.1:${server.address().port}`;
  for (let i = 0; i < 200; i++) {
    if (existsSync(playlist) && readdirSync(dir).filter((f) => f.endsWith('.ts')).length >= 2) {
      return { origin, url: `${origin}/live.m3u8`, pid: ffmpeg.pid };
    }
    await sleep(100);
  }
  throw new Error(`ffmpeg did not produce an HLS playlist for ${label} within 20 s`);
}

// ---------------------------------------------------------------------------------------------------------------
// Browser.

async function openWindow(url, label, extraArgs = []) {
  const profile = join(tempDir(`map-${label}`), 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    args: [
      ...BENCH_CHROMIUM_ARGS,
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
  const close = atCleanup(() => context.close());
  await context.addInitScript(installMapProbe);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.length < 10 && errors.push(String(e).slice(0, 300)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = Date.now();
  await page.goto(url);
  return {
    page,
    cdp,
    profile,
    errors,
    openedAt: t0,
    async heapMiB() {
      const m = (await cdp.send('Performance.getMetrics')).metrics;
      return (m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576;
    },
    async close() {
      close();
      await context.close();
    },
  };
}

async function startWall(hub, tiles, label, mediaOrigins = []) {
  const host = await startHost({
    options: StartOptions.parse({
      shell: 'headless',
      port: 0,
      hub: hub.url,
      hubCredential: benchCredentialFile(hub, tempDir(`map-credential-${label}`)),
      locale: 'vi',
      dataDir: join(tempDir(`map-host-${label}`), 'data'),
      mediaOrigins,
    }),
    shell: { kind: 'headless', reason: 'bench' },
    monitors: [{ id: 'm1', name: 'Màn hình 1', x: 0, y: 0, width: 1920, height: 1080, primary: true }],
    monitorSource: 'wall-file',
    layouts: [{ columns: 12, rows: 9, tiles }],
    logger: createLogger('bench-host', 'error'),
  });
  const undo = atCleanup(() => host.close());
  return {
    url: host.urlFor('/wall/wall-1'),
    async close() {
      undo();
      await host.close();
    },
  };
}

/** Publishes an update every UPDATE_MS for `seconds` while the page records; returns the page's record. */
async function recordUpdates(page, update, seconds) {
  await page.evaluate(startRecording);
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    update();
    await sleep(UPDATE_MS);
  }
  await sleep(UPDATE_MS); // the last one has time to draw
  return page.evaluate(stopRecording);
}

// ---------------------------------------------------------------------------------------------------------------
// A. The surface.

async function surface({ quick, print, gl, pointsFile10k }) {
  const seconds = quick ? 8 : 20;
  const points = pointsFile10k;
  const logger = createLogger('bench', 'error');
  const hub = await startHub({
    port: 0,
    logFile: null,
    demo: true,
    seed: 11,
    rate: DEMO_RATE,
    version: 'bench',
    logger,
  });
  atCleanup(() => hub.close());
  hub.publish([
    ...indicatorEvents('gdp_growth', 5, 0.2),
    ...indicatorEvents('fdi', 120, 40),
    ...indicatorEvents('disbursement', 30, 1.5),
  ]);
  // Long enough for a slow start on SwiftShader (map load up to 90 s, videos 30 s); killed at cleanup anyway.
  const videoSeconds = seconds + 600;
  const [cam1, cam2] = await Promise.all([startHls('cam1', videoSeconds), startHls('cam2', videoSeconds)]);
  const tiles = [
    { id: 'map', kind: 'map', x: 0, y: 0, w: 6, h: 6, settings: { indicator: 'gdp_growth', pointsUrl: points.url } },
    {
      id: 'ts1',
      kind: 'timeseries',
      x: 6,
      y: 0,
      w: 3,
      h: 3,
      settings: { topic: 'econ.live', key: 'new_businesses_today' },
    },
    {
      id: 'ts2',
      kind: 'timeseries',
      x: 9,
      y: 0,
      w: 3,
      h: 3,
      settings: { topic: 'econ.live', key: 'public_services_today' },
    },
    { id: 'bars1', kind: 'bars', x: 6, y: 3, w: 3, h: 3, settings: { indicator: 'fdi' } },
    { id: 'bars2', kind: 'bars', x: 9, y: 3, w: 3, h: 3, settings: { indicator: 'gdp_growth' } },
    { id: 'gauge', kind: 'gauge', x: 0, y: 6, w: 3, h: 3, settings: { indicator: 'disbursement', target: 60 } },
    { id: 'stack', kind: 'stacked', x: 3, y: 6, w: 3, h: 3, settings: {} },
    { id: 'cam1', kind: 'video', x: 6, y: 6, w: 3, h: 3, settings: { name: 'Camera 1', source: 'hls', url: cam1.url } },
    { id: 'cam2', kind: 'video', x: 9, y: 6, w: 3, h: 3, settings: { name: 'Camera 2', source: 'hls', url: cam2.url } },
  ];
  const wall = await startWall(hub, tiles, 'surface', [cam1.origin, cam2.origin]);
  const win = await openWindow(wall.url, 'surface', BACKENDS[gl]);
  const { page } = win;
  const renderer = await page.evaluate(webgl2Renderer);
  const mapUp = await page
    .locator('[data-tile-id="map"] [data-points-drawn="10000"]')
    .waitFor({ state: 'attached', timeout: 90_000 })
    .then(
      () => true,
      () => false,
    );
  if (!mapUp) print('   the map had not drawn its 10,000 points after 90 s; measuring anyway');
  const videosUp = await page
    .locator('[data-video-state="playing"]')
    .nth(1)
    .waitFor({ state: 'attached', timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  if (!videosUp) {
    const states = await page
      .locator('[data-video-state]')
      .evaluateAll((l) => l.map((e) => e.getAttribute('data-video-state')));
    print(`   the two videos are not both playing after 30 s (states: ${states.join(', ')}); measuring anyway`);
  }
  await sleep(quick ? 2000 : 5000); // charts have their history, videos are playing, fonts are in
  const cpu0 = windowCpu(win.profile);
  const ff0 = processCpuSeconds(cam1.pid) + processCpuSeconds(cam2.pid);
  const t0 = performance.now();
  const record = await recordUpdates(page, updater(hub.publish), seconds);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = cpuBetween(cpu0, windowCpu(win.profile), wallS);
  const ffmpegCpu = (processCpuSeconds(cam1.pid) + processCpuSeconds(cam2.pid) - ff0) / wallS;
  const memory = windowMemory(win.profile);
  const heap = await win.heapMiB();
  const playing = await page.locator('[data-video-state="playing"]').count();
  await page.screenshot({ path: join(tempDir('shot'), '..', `ioc-bench-surface-${gl}.png`) }).catch(() => {});
  const tileErrors = await page.locator('[data-state=error]').count();
  const mapFramesPerS = record.mapFrames.length / wallS;
  await win.close();
  await wall.close();

  const lat = updateLatencies(record);
  const intervals = summarize(record.intervals);
  print(
    table(
      [`surface (${gl}): map 10k points + 6 charts + 2 live videos`, 'value'],
      [
        ['WebGL2 renderer', renderer],
        ['indicator updates applied by the map', String(lat.toFrame.n + lat.unshown)],
        ['update → map repainted, p50 / p95 / max (ms)', ms3(lat.toFrame)],
        ['source time → map repainted, p50 / p95 / max (ms)', ms3(lat.sourceToFrame)],
        ['frames in which the map drew (per s)', fmt(mapFramesPerS, 1)],
        ['frame interval p50 / p95 / max (ms)', ms3(intervals)],
        ['CPU of the window (cores): total', fmt(cpu.total, 2)],
        ['  per process kind', cpuText(cpu)],
        ['ffmpeg making the 2 streams (cores, not in the window)', fmt(ffmpegCpu, 2)],
        [`memory of the window, PSS of ${memory.processes} processes (MiB)`, fmt(memory.mib, 0)],
        ['JS heap used (MiB)', fmt(heap, 1)],
        ['videos playing / tiles in error', `${playing} / ${tileErrors}`],
      ],
    ),
  );
  if (win.errors.length) print(`   page errors: ${win.errors.join(' | ')}`);
  return {
    gl,
    seconds,
    renderer,
    updates: lat.toFrame.n + lat.unshown,
    updateToFrameMs: round3(lat.toFrame),
    sourceToFrameMs: round3(lat.sourceToFrame),
    unshown: lat.unshown,
    mapFramesPerS: Math.round(mapFramesPerS * 10) / 10,
    frameIntervalMs: round3(intervals),
    cpu,
    ffmpegCpu: Math.round(ffmpegCpu * 100) / 100,
    windowPssMiB: Math.round(memory.mib),
    windowProcesses: memory.processes,
    jsHeapMiB: Math.round(heap * 10) / 10,
    videosPlaying: playing,
    tileErrors,
    pageErrors: win.errors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// B. The map alone.

/** Drags the view for `seconds` then zooms in and out with the wheel; the page records frames meanwhile. */
async function panAndZoom(page, seconds) {
  const box = await page.locator('[data-tile-id="map"] .map__canvas').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(startRecording);
  const started = Date.now();
  const until = started + seconds * 1000;
  let moves = 0;
  // An input event waits for the page to take it: a page stuck on a frame of many seconds must not hold the bench.
  const input = (op) => within(op, 15_000);
  let ok = (await input(page.mouse.move(cx, cy))) && (await input(page.mouse.down()));
  // Back and forth 200 px, 8 px a step, at most 60 steps a second (bounded by time and by count).
  for (let i = 0; ok && Date.now() < until - (seconds * 1000) / 3 && i < seconds * 60; i++) {
    const phase = i % 50;
    const dx = (phase < 25 ? phase : 50 - phase) * 8;
    ok = await input(page.mouse.move(cx + dx, cy + dx / 4));
    moves++;
    await sleep(16);
  }
  ok = ok && (await input(page.mouse.up()));
  for (let i = 0; ok && Date.now() < until && i < seconds * 20; i++) {
    ok = await input(page.mouse.wheel(0, i % 8 < 4 ? -120 : 120));
    moves++;
    await sleep(50);
  }
  const record = await page.evaluate(stopRecording);
  return { record, moves, seconds: (Date.now() - started) / 1000, stuck: !ok };
}

/** Top functions by self time of a CDP CPU profile. */
function topSelf(profile, count) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
}

export async function mapAlone(hub, publish, c, { quick, profile }) {
  const settings = {
    indicator: 'gdp_growth',
    labels: 'names-and-values',
    pointRadius: c.radius,
    heatmap: c.heatmap,
    ...c.settings,
  };
  if (c.file) settings.pointsUrl = c.file.url;
  const wall = await startWall(hub, [{ id: 'map', kind: 'map', x: 0, y: 0, w: 12, h: 9, settings }], c.label);
  const win = await openWindow(wall.url, c.label, c.args);
  const renderer = await win.page.evaluate(webgl2Renderer);
  const { page, cdp } = win;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  const loadTimeout = quick ? 60_000 : 240_000;
  const drawn = await page
    .locator(`[data-tile-id="map"] [data-points-drawn="${c.n}"][data-province-count="34"]`)
    .waitFor({ timeout: loadTimeout })
    .then(
      () => true,
      () => false,
    );
  const marks = await page.evaluate(() =>
    Object.fromEntries(
      ['map:points:fetch', 'map:points:fetched', 'map:points:checked', 'map:points:drawn'].map((n) => [
        n.split(':').pop(),
        performance.getEntriesByName(n).at(-1)?.startTime ?? null,
      ]),
    ),
  );
  let top = null;
  if (profile) {
    const { profile: p } = await cdp.send('Profiler.stop');
    top = topSelf(p, 10);
  }
  const out = { label: c.label, n: c.n, bytes: c.file?.bytes ?? 0, drawn, marks, top, renderer };
  if (!drawn) {
    out.memory = windowMemory(win.profile);
    await win.close();
    await wall.close();
    return out;
  }
  await sleep(1500);
  const memory = windowMemory(win.profile);
  const heap = await win.heapMiB();
  // Frames while the operator drags and zooms.
  const cpu0 = windowCpu(win.profile);
  const pan = c.noPan ? null : await panAndZoom(page, quick ? 3 : 6);
  const idleS = c.noPan ? 4 : 0;
  if (idleS) await sleep(idleS * 1000);
  const panCpu = cpuBetween(cpu0, windowCpu(win.profile), pan ? pan.seconds : idleS);
  await sleep(1000);
  // Update → repaint, the view still.
  const updates = await recordUpdates(page, updater(publish), quick ? 4 : 10);
  out.memory = memory;
  out.heapMiB = heap;
  out.idleCpu = pan ? null : panCpu;
  out.pan = pan && {
    seconds: pan.seconds,
    moves: pan.moves,
    mapFramesPerS: pan.record.mapFrames.length / pan.seconds,
    mapFrameGaps: summarize(pan.record.mapFrames.slice(1).map((f, i) => f[0] - pan.record.mapFrames[i][0])),
    intervals: summarize(pan.record.intervals),
    cpu: panCpu,
  };
  out.update = updateLatencies(updates);
  out.errors = win.errors;
  await win.close();
  await wall.close();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

const ms3 = (s) => (s && s.n ? `${fmt(s.p50, 0)} / ${fmt(s.p95, 0)} / ${fmt(s.max, 0)}` : '—');
const round3 = (s) =>
  s && s.n ? { n: s.n, p50: Math.round(s.p50), p95: Math.round(s.p95), max: Math.round(s.max) } : null;
const cpuText = (cpu) =>
  Object.entries(cpu)
    .filter(([k, v]) => k !== 'total' && v >= 0.01)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k.replace('-process', '')} ${fmt(v, 2)}`)
    .join(', ');

export async function run({ quick, print }) {
  const sizes = quick ? [1_000, 10_000, 100_000] : [10_000, 100_000, 1_000_000];
  const largest = sizes[sizes.length - 1];
  print(
    section('8. the map on software WebGL: a full surface, then the map alone at growing point counts', [
      `Headless Chromium 1920×1080, software WebGL2: ${GL.join(' and ')}. "Update → repainted" = an indicator reaching`,
      `the page (the map's __wallProbe call) → end of the first frame in which the map's canvas drew again. A: a`,
      `surface of the map (10,000 points from a site file), 2 time series, 2 bars, gauge, stacked tasks (demo hub,`,
      `${DEMO_RATE} events/s) and 2 live HLS videos (ffmpeg, 640×360 25 fps on loopback); one province's indicator`,
      `changes every ${UPDATE_MS / 1000} s. B: the map alone (whole surface) with 0, ${sizes.map((n) => fmt(n)).join(', ')} points from a`,
      `points file: load, frames while dragging and zooming with the mouse, update → repaint, memory; at ${fmt(largest)}`,
      `(llvmpipe) also dots of 0.5 px and the heatmap, and a CPU profile of the page while it loads.`,
    ]),
  );
  // Files first: the host's static server lists the folder when it starts.
  const files = Object.fromEntries([...new Set([10_000, ...sizes])].map((n) => [n, writePointsFile(n)]));
  const surfaces = [];
  for (const gl of PARTS.includes('surface') ? GL : []) {
    print(`\n  A. one wall surface, ${gl}`);
    surfaces.push(await surface({ quick, print, gl, pointsFile10k: files[10_000] }));
  }

  const hub = await startBenchHub(null);
  hub.publish(indicatorEvents('gdp_growth', 5, 0.2));
  const cases = (PARTS.includes('alone') ? GL : [])
    .flatMap((gl) => [
      { gl, label: `${gl}: no points`, n: 0 },
      ...sizes.map((n) => ({ gl, label: `${gl}: ${fmt(n)} dots`, n, file: files[n] })),
      ...(gl === 'llvmpipe'
        ? [
            { gl, label: `${gl}: ${fmt(largest)} dots of 0.5 px`, n: largest, radius: 0.5, file: files[largest] },
            { gl, label: `${gl}: ${fmt(largest)} heatmap`, n: largest, heatmap: true, file: files[largest] },
          ]
        : []),
    ])
    .map((c) => ({ radius: 4, heatmap: false, args: BACKENDS[c.gl], ...c }));
  const rows = [];
  for (const c of cases) {
    const profile = c.n === largest && !c.heatmap && c.radius === 4 && c.gl === GL[0];
    const r = await mapAlone(hub, hub.publish, c, { quick, profile });
    rows.push(r);
    print(
      `   ${c.label}: ${r.drawn ? `drawn after ${fmt(r.marks.drawn, 0)} ms` : 'NOT drawn in time'}` +
        (r.pan ? `, ${fmt(r.pan.mapFramesPerS, 1)} map frames/s while moving` : ''),
    );
  }
  await hub.close();

  const load = (r) =>
    r.n === 0
      ? `— / — / — / ${fmt(r.marks.drawn, 0)}`
      : r.drawn
        ? `${fmt(r.marks.fetched - r.marks.fetch, 0)} / ${fmt(r.marks.checked - r.marks.fetched, 0)} / ${fmt(r.marks.drawn - r.marks.checked, 0)} / ${fmt(r.marks.drawn, 0)}`
        : 'not drawn';
  print('\n  B. the map alone');
  print(
    table(
      [
        'case',
        'file MB',
        'load ms: fetch+parse / check / to frame / total',
        'map frames/s moving',
        'frame gap p50/p95 ms',
        'update → repaint p50/p95 ms (shown/sent)',
        'CPU moving, cores',
        'PSS MiB',
        'heap MiB',
      ],
      rows.map((r) => [
        r.label,
        fmt(r.bytes / 1e6, 1),
        load(r),
        r.pan ? fmt(r.pan.mapFramesPerS, 1) : '—',
        r.pan?.mapFrameGaps.n ? `${fmt(r.pan.mapFrameGaps.p50, 0)} / ${fmt(r.pan.mapFrameGaps.p95, 0)}` : '—',
        r.update?.toFrame.n
          ? `${fmt(r.update.toFrame.p50, 0)} / ${fmt(r.update.toFrame.p95, 0)} (${r.update.toFrame.n}/${r.update.toFrame.n + r.update.unshown})`
          : r.update
            ? `none shown (0/${r.update.unshown})`
            : '—',
        r.pan ? `${fmt(r.pan.cpu.total, 2)} (${cpuText(r.pan.cpu)})` : '—',
        fmt(r.memory?.mib, 0),
        r.heapMiB ? fmt(r.heapMiB, 0) : '—',
      ]),
    ),
  );
  print(`   WebGL2 renderers: ${[...new Set(rows.map((r) => r.renderer))].join(' | ')}`);
  const profiled = rows.find((r) => r.top);
  if (profiled) {
    print(`\n  CPU profile of the page while loading ${profiled.label} (self time; (program) = native work, waiting):`);
    print(
      table(
        ['function', 'ms', '%'],
        profiled.top.map((t) => [t.name.slice(0, 70), fmt(t.ms), fmt(t.share, 1)]),
      ),
    );
  }
  return {
    bench: 'surface',
    surfaces,
    mapAlone: rows.map((r) => ({
      label: r.label,
      renderer: r.renderer,
      n: r.n,
      fileBytes: r.bytes,
      drawn: r.drawn,
      loadMs: r.drawn
        ? {
            fetchParse: r.n ? Math.round(r.marks.fetched - r.marks.fetch) : null,
            check: r.n ? Math.round(r.marks.checked - r.marks.fetched) : null,
            toFrame: r.n ? Math.round(r.marks.drawn - r.marks.checked) : null,
            total: Math.round(r.marks.drawn ?? 0),
          }
        : null,
      panMapFramesPerS: r.pan ? Math.round(r.pan.mapFramesPerS * 10) / 10 : null,
      panFrameGapMs: round3(r.pan?.mapFrameGaps),
      panCpu: r.pan?.cpu ?? null,
      updateToFrameMs: round3(r.update?.toFrame),
      updatesUnshown: r.update?.unshown ?? null,
      windowPssMiB: r.memory ? Math.round(r.memory.mib) : null,
      jsHeapMiB: r.heapMiB ? Math.round(r.heapMiB) : null,
      profileTop: r.top,
      pageErrors: r.errors,
    })),
  };
}
