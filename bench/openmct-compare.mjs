// 6. Side by side with NASA's Open MCT: a browser wall of N realtime line charts fed R points/s each, measured by
// the peer harness's own `measure.mjs` (../shared/peers/openmct/, read its README) on our wall page and on Open MCT
// in the same run, same machine, same Chromium: CPU of every Chromium process, frames with a visible change, and
// data age (source time → end of the first frame showing it).
//
// Our side: a hub (demo off) holding 5 minutes of history of N keys of `econ.live`, then publishing R points/s on
// each key (staggered, `time` = source time); a host (in this process) whose one surface holds N `timeseries` tiles
// (2×2 for N=4, 4×3 for N=12) with a 5-minute window. The renderer reports each point a chart applies to the
// harness's probe (renderer/state/use-history.ts: a no-op unless `window.__wallProbe` exists, which only the
// harness injects). Open MCT: the harness's page (`openmct-wall.html`), served by its `serve.mjs`.
//
//   node bench/openmct-compare.mjs [--quick]     alone (after `npm run build`)
//   node bench/run.mjs openmct [--quick]
// Env: PEER_DIR (scratch for the harness's pinned deps, default /tmp/peer), IOC_OPENMCT_MODES (default
// "nowebgl"; "nowebgl,webgl" also measures Open MCT on software WebGL), IOC_OPENMCT_MATRIX ("4,1 4,10 12,1 12,10").
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { createLogger } from '../dist/platform/logger.js';
import { startHost } from '../dist/main/host/host.js';
import { StartOptions } from '../dist/main/host/start-options.js';
import { fmt, section, table, targetLines } from './report.mjs';
import {
  REPO,
  atCleanup,
  benchCredentialFile,
  runAlone,
  sleep,
  startBenchHub,
  tempDir,
  trackChild,
  within,
} from './support.mjs';

const HARNESS = resolve(REPO, process.env.IOC_PEER_HARNESS ?? '../shared/peers/openmct');
const PEER_DIR = process.env.PEER_DIR ?? '/tmp/peer';
const CHROMIUM = process.env.IOC_CHROMIUM ?? '/usr/bin/chromium';
const WINDOW_S_OF_PLOT = 300; // the harness's W: every chart shows (and holds) the last 5 minutes
const MATRIX = (process.env.IOC_OPENMCT_MATRIX ?? '4,1 4,10 12,1 12,10')
  .split(/\s+/)
  .filter(Boolean)
  .map((nr) => nr.split(',').map(Number));
const MODES = (process.env.IOC_OPENMCT_MODES ?? 'nowebgl').split(',').filter((m) => m === 'nowebgl' || m === 'webgl');
const GRID = { 4: [2, 2], 12: [4, 3] };

/** The harness's pinned deps (openmct, playwright-core) in a scratch dir, exactly as its run.sh installs them. */
function ensurePeerDeps(print) {
  mkdirSync(PEER_DIR, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(HARNESS, f), join(PEER_DIR, f));
  const ok = () =>
    existsSync(join(PEER_DIR, 'node_modules/openmct/dist/openmct.js')) &&
    existsSync(join(PEER_DIR, 'node_modules/playwright-core'));
  if (ok()) return;
  print(`   installing the harness's pinned deps: npm ci in ${PEER_DIR}`);
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0 || !ok()) throw new Error(`npm ci in ${PEER_DIR} failed (status ${r.status})`);
}

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function serveOpenMct() {
  const port = await freePort();
  const child = trackChild(
    spawn(process.execPath, [join(HARNESS, 'serve.mjs'), '--port', String(port)], {
      cwd: PEER_DIR,
      env: { ...process.env, OPENMCT_DIR: join(PEER_DIR, 'node_modules/openmct') },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const exited = new Promise((r) => child.once('exit', r));
  atCleanup(async () => {
    child.kill('SIGTERM');
    if (!(await within(exited, 5_000))) child.kill('SIGKILL');
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${origin}/openmct/dist/openmct.js`, { method: 'HEAD' }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return origin;
    await sleep(100);
  }
  throw new Error('serve.mjs did not answer');
}

/** Runs the harness's measure.mjs once; resolves its JSON line (or null with the reason printed). */
async function measure({ url, n, r, label, ready, warmup, window, flags = [], out, print }) {
  const args = [
    join(HARNESS, 'measure.mjs'),
    '--url',
    url,
    '--n',
    String(n),
    '--r',
    String(r),
    '--label',
    label,
    '--warmup',
    String(warmup),
    '--window',
    String(window),
    '--chromium',
    CHROMIUM,
    '--ready',
    ready,
    '--out',
    out,
    ...flags.map((f) => `--flag=${f}`),
  ];
  const child = trackChild(
    spawn(process.execPath, args, {
      cwd: PEER_DIR,
      env: { ...process.env, PEER_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((res) => child.once('exit', res));
  // measure.mjs bounds itself (ready 60 s + warm-up + window + 60 s); this is a second bound.
  if (!(await within(exited, (warmup + window + 150) * 1000))) {
    child.kill('SIGKILL');
    print(`   ${label} N=${n} R=${r}: measure.mjs did not finish; killed`);
    return null;
  }
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) {
    print(`   ${label} N=${n} R=${r}: no result (${stderr.trim().split('\n').slice(-12).join(' | ').slice(0, 1500)})`);
    return null;
  }
  return JSON.parse(line);
}

/**
 * A loopback pass-through in front of the host that drops the page's Content-Security-Policy (header and <meta>):
 * measure.mjs waits with page.waitForFunction(<string>), which Playwright evaluates with eval(), and our CSP
 * (script-src 'self') refuses that. Open MCT's page has no CSP either. Bytes of scripts, the bridge's websocket and
 * what the page draws are unchanged; the hop costs this Node process, not Chromium.
 */
async function cspStrippingProxy(target) {
  const { hostname, port, host } = new URL(target);
  // The host accepts its bridge only from its own origin: requests go on as if the page were on the host.
  const asHost = (headers) => ({
    ...headers,
    host,
    ...(headers.origin ? { origin: target } : {}),
    ...(headers.referer ? { referer: target + '/' } : {}),
  });
  const server = http.createServer((req, res) => {
    const up = http.request(
      { host: hostname, port, method: req.method, path: req.url, headers: asHost(req.headers) },
      (r) => {
        const headers = { ...r.headers };
        delete headers['content-security-policy'];
        if (!String(headers['content-type'] ?? '').startsWith('text/html')) {
          res.writeHead(r.statusCode, headers);
          r.pipe(res);
          return;
        }
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (d) => (body += d));
        r.on('end', () => {
          body = body.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
          delete headers['content-length'];
          delete headers.etag;
          res.writeHead(r.statusCode, headers);
          res.end(body);
        });
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('upgrade', (req, socket, head) => {
    const up = net.connect(Number(port), hostname, () => {
      up.write(
        `${req.method} ${req.url} HTTP/1.1\r\n` +
          Object.entries(asHost(req.headers))
            .map(([k, v]) => `${k}: ${v}\r\n`)
            .join('') +
          '\r\n',
      );
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  const sockets = new Set();
  server.on('connection', (c) => {
    sockets.add(c);
    c.once('close', () => sockets.delete(c));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const close = () =>
    new Promise((r) => {
      for (const c of sockets) c.destroy();
      server.closeAllConnections?.();
      server.close(() => r());
    });
  const undo = atCleanup(close);
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      undo();
      return close();
    },
  };
}

/** Our N×R chart wall: hub with 5 minutes of history per key, live feed at R/s per key, host with N tiles. */
export async function startOurWall(n, r) {
  const keys = Array.from({ length: n }, (_, i) => `bench_${String(i).padStart(2, '0')}`);
  const value = (i, t) => Math.round(1000 + 800 * Math.sin((2 * Math.PI * t) / ((10 + i) * 1000)));
  const event = (i, t) => ({
    topic: 'econ.live',
    key: keys[i],
    source: 'bench',
    time: Math.round(t),
    payload: { metric: 'new_businesses_today', value: value(i, t), sourceSystem: 'bench feed' },
  });
  const hub = await startBenchHub(null);
  // History: the charts' 5-minute window is full from the start (as Open MCT's generator fills its plots).
  const t0 = Date.now();
  const history = [];
  for (let k = WINDOW_S_OF_PLOT * r; k >= 1; k--) {
    for (let i = 0; i < n; i++) history.push(event(i, t0 - (k * 1000) / r - (i * 1000) / (n * r)));
  }
  for (let j = 0; j < history.length; j += 5000) hub.publish(history.slice(j, j + 5000));

  const [columns, rows] = GRID[n] ?? [Math.ceil(Math.sqrt(n)), Math.ceil(n / Math.ceil(Math.sqrt(n)))];
  const tiles = keys.map((key, i) => ({
    id: `chart-${i}`,
    kind: 'timeseries',
    x: i % columns,
    y: Math.floor(i / columns),
    w: 1,
    h: 1,
    settings: { topic: 'econ.live', key, windowMinutes: WINDOW_S_OF_PLOT / 60, fractionDigits: 0 },
  }));
  const host = await startHost({
    options: StartOptions.parse({
      shell: 'headless',
      port: 0,
      hub: hub.url,
      hubCredential: benchCredentialFile(hub, tempDir('openmct-credential')),
      locale: 'vi',
      dataDir: join(tempDir('openmct'), 'data'),
    }),
    shell: { kind: 'headless', reason: 'bench' },
    monitors: [{ id: 'm1', name: 'Màn hình 1', x: 0, y: 0, width: 1920, height: 1080, primary: true }],
    monitorSource: 'wall-file',
    layouts: [{ columns, rows, tiles }],
    logger: createLogger('bench-host', 'error'),
  });
  const undoHost = atCleanup(() => host.close());
  const proxy = await cspStrippingProxy(host.origin);

  // Live feed: N·R events/s, one key at a time in turn (staggered, like N independent sources), source time = now.
  const period = 1000 / (n * r);
  let next = performance.now();
  let seq = 0;
  let timer = null;
  let running = true;
  const tick = () => {
    if (!running) return;
    const batch = [];
    const now = performance.now();
    // Bounded: at most one second of catch-up per tick.
    while (next <= now && batch.length < n * r) {
      batch.push(event(seq % n, Date.now()));
      seq++;
      next += period;
    }
    if (next < now) next = now; // fell more than a second behind: do not burst
    if (batch.length) hub.publish(batch);
    timer = setTimeout(tick, Math.max(0, next - performance.now()));
  };
  tick();
  return {
    url: host.urlFor('/wall/wall-1').replace(host.origin, proxy.origin),
    async close() {
      running = false;
      clearTimeout(timer);
      await proxy.close();
      undoHost();
      await host.close();
      await hub.close();
    },
  };
}

export async function run({ quick, print }) {
  const warmup = quick ? 4 : 10;
  const window = quick ? 8 : 30;
  print(
    section(`6. side by side with Open MCT 4.2: N realtime line charts × R points/s (harness: ${HARNESS})`, [
      `The harness's measure.mjs, unchanged, on both pages: headless Chromium 1920×1080, warm-up ${warmup} s, window`,
      `${window} s. CPU = OS CPU-seconds per wall second of every Chromium process (1.0 = one core); picture updates`,
      `= frames/s with a visible change; data age = source time → end of the first frame with a change after the page`,
      `got the point. Ours: hub + host in this Node process (not counted in Chromium CPU; shown apart), N timeseries`,
      `tiles, 5-min window pre-filled, R pts/s per key staggered. Open MCT: its Sine Wave Generator in a page worker`,
      `(counted in Chromium CPU), modes: ${MODES.join(', ')}.`,
    ]),
  );
  ensurePeerDeps(print);
  const out = join(tempDir('openmct-out'), 'results.jsonl');
  const openmctOrigin = await serveOpenMct();
  const rows = [];
  for (const [n, r] of MATRIX) {
    const wall = await startOurWall(n, r);
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    const ours = await measure({
      url: wall.url,
      n,
      r,
      label: 'ioc-wall',
      ready: `document.querySelectorAll('[data-tile-id] canvas').length >= ${n}`,
      warmup,
      window,
      out,
      print,
    });
    const cpu = process.cpuUsage(cpu0);
    const nodeCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - w0);
    await wall.close();
    rows.push({ n, r, app: 'ioc-wall', result: ours, nodeCpu });
    for (const mode of MODES) {
      const peer = await measure({
        url: `${openmctOrigin}/openmct-wall.html?n=${n}&r=${r}&w=${WINDOW_S_OF_PLOT}`,
        n,
        r,
        label: `openmct-4.2.0/${mode}`,
        ready: `document.querySelectorAll('canvas').length >= ${n}`,
        warmup,
        window,
        flags: mode === 'nowebgl' ? ['--disable-webgl'] : [],
        out,
        print,
      });
      rows.push({ n, r, app: `openmct ${mode}`, result: peer, nodeCpu: null });
    }
  }

  const cell = (x, d = 2) => (x == null ? '—' : fmt(x, d));
  print(
    table(
      [
        'N',
        'R',
        'page',
        'all-Chromium CPU',
        'GPU proc',
        'renderer',
        'hub+host (node)',
        'picture updates/s',
        'data age p50 / p95 ms',
        'pts/s got/exp',
        'heap after GC MB',
      ],
      rows.map(({ n, r, app, result: m, nodeCpu }) => [
        n,
        r,
        app,
        cell(m?.cpuShare?.total),
        cell(m?.cpuShare?.GPU),
        cell(m?.cpuShare?.renderer),
        nodeCpu == null ? '(in renderer)' : cell(nodeCpu),
        cell(m?.framesWithVisualChangePerSec, 1),
        m?.sourceToFrameMs ? `${fmt(m.sourceToFrameMs.p50, 0)} / ${fmt(m.sourceToFrameMs.p95, 0)}` : '—',
        m ? `${fmt(m.arrivalsPerSec, 1)}/${m.expectedArrivalsPerSec}` : '—',
        cell(m?.heapUsedMB?.afterGC, 1),
      ]),
    ),
  );
  const targets = [];
  const compare = [];
  for (const [n, r] of MATRIX) {
    const ours = rows.find((x) => x.n === n && x.r === r && x.app === 'ioc-wall')?.result;
    const peer = rows.find((x) => x.n === n && x.r === r && x.app === 'openmct nowebgl')?.result;
    if (!ours || !peer) {
      targets.push({ what: `N=${n} R=${r}: CPU ≤ ½ Open MCT (nowebgl), age ≤`, measured: '—', met: null });
      continue;
    }
    const ratio = ours.cpuShare.total / peer.cpuShare.total;
    const fresher =
      ours.sourceToFrameMs && peer.sourceToFrameMs && ours.sourceToFrameMs.p95 <= peer.sourceToFrameMs.p95;
    compare.push({ n, r, ratio, oursP95: ours.sourceToFrameMs?.p95, peerP95: peer.sourceToFrameMs?.p95 });
    targets.push({
      what: `N=${n} R=${r}: CPU ≤ ½ Open MCT nowebgl, age p95 ≤`,
      measured: `×${fmt(ratio, 2)}, ${fmt(ours.sourceToFrameMs?.p95, 0)}/${fmt(peer.sourceToFrameMs?.p95, 0)} ms`,
      met: ratio <= 0.5 && Boolean(fresher),
    });
  }
  print(targetLines(targets));
  print(`   raw JSON lines of measure.mjs: ${out} (removed at exit)`);
  return {
    bench: 'openmct',
    warmupS: warmup,
    windowS: window,
    rows: rows.map(({ n, r, app, result, nodeCpu }) => ({
      n,
      r,
      app,
      nodeCpu: nodeCpu == null ? null : Math.round(nodeCpu * 1000) / 1000,
      cpuTotal: result?.cpuShare?.total ?? null,
      cpuShare: result?.cpuShare ?? null,
      pictureUpdatesPerSec: result?.framesWithVisualChangePerSec ?? null,
      sourceToFrameMs: result?.sourceToFrameMs ?? null,
      sourceToArrivalMs: result?.sourceToArrivalMs ?? null,
      arrivalsPerSec: result?.arrivalsPerSec ?? null,
      rafPerSec: result?.rafPerSec ?? null,
      canvasDrawCallsPerSec: result?.canvasDrawCallsPerSec ?? null,
      domMutationsPerSec: result?.domMutationsPerSec ?? null,
      heapAfterGcMB: result?.heapUsedMB?.afterGC ?? null,
      consoleErrors: result?.consoleErrors,
    })),
    compare,
    targets,
    raw: existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).length : 0,
  };
}

// Run alone: `node bench/openmct-compare.mjs [--quick]`.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
