// 4. Cold start: `ioc-wall start` on a data dir whose cache already holds the state, with the hub unreachable
// (an offline start), until a wall page's `hello` is answered with the latest values.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startHub } from '../dist/hub/hub-server.js';
import { createLogger } from '../dist/platform/logger.js';
import Database from 'better-sqlite3';
import { fmt, section, table, targetLines } from './report.mjs';
import { summarize } from './stats.mjs';
import {
  REPO,
  committedReader,
  connectBridge,
  connected,
  removeDir,
  startHostProcess,
  tempDir,
  trackChild,
  waitCommitted,
  within,
} from './support.mjs';

const UNREACHABLE_HUB = 'http://127.0.0.1:9';
const CONSOLE_URL = /console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/;

/** Fills a data dir the way a wall PC's is: a host ran against the demo hub until it held every key. */
async function warmCache(dataDir) {
  const hub = await startHub({
    port: 0,
    logFile: null,
    demo: true,
    seed: 2025,
    version: 'bench',
    logger: createLogger('bench-hub', 'error'),
  });
  try {
    const heads = Object.fromEntries(Object.entries(hub.status().topics).map(([t, v]) => [t, v.head]));
    const host = await startHostProcess(hub, dataDir);
    const reader = committedReader(host.cacheFile);
    const r = await waitCommitted(reader, heads, { timeoutMs: 30_000, pollMs: 20 });
    reader.close();
    await host.close();
    if (!r.done) throw new Error('the host did not take in the demo hub state within 30 s');
  } finally {
    await hub.close();
  }
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  const keys = db.prepare('SELECT COUNT(*) FROM latest').pluck().get();
  const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get();
  db.close();
  return { keys, events };
}

/** One offline start: spawn → console URL printed → bridge connected → hello answered with latest values. */
export async function oneStart(dataDir, timeoutMs) {
  const t0 = performance.now();
  const child = trackChild(
    spawn(
      process.execPath,
      [
        join(REPO, 'bin/ioc-wall.js'),
        'start',
        '--shell',
        'headless',
        '--port',
        '0',
        '--hub',
        UNREACHABLE_HUB,
        // Written by warmCache's host (startHostProcess): the hub never answers, but the host reads it first.
        '--hub-credential',
        join(`${dataDir}-credential`, 'credential.json'),
        '--data-dir',
        dataDir,
      ],
      { cwd: REPO, env: { ...process.env, IOC_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  );
  const exited = new Promise((r) => child.once('exit', r));
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  let socket;
  try {
    const match = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no console URL within ${timeoutMs} ms\n${out}\n${err}`)),
        timeoutMs,
      );
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(CONSOLE_URL);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`ioc-wall exited with ${code}\n${out}\n${err}`));
      });
    });
    const tUrl = performance.now();
    const [, origin, token] = match;
    socket = connectBridge(origin, token);
    await connected(socket);
    const tConnected = performance.now();
    const reply = await socket
      .timeout(timeoutMs)
      .emitWithAck('call', { name: 'hello', args: { role: 'wall', surfaceId: 'wall-1' } });
    const tHello = performance.now();
    if (!reply?.ok) throw new Error(`hello refused: ${JSON.stringify(reply?.error)}`);
    return {
      urlMs: tUrl - t0,
      connectedMs: tConnected - t0,
      helloMs: tHello - t0,
      latest: reply.result.latest.length,
      feedState: reply.result.feed.state,
    };
  } finally {
    socket?.close();
    child.kill('SIGTERM');
    if (!(await within(exited, 8_000))) child.kill('SIGKILL');
  }
}

export async function run({ quick, print }) {
  const runs = quick ? 2 : 5;
  print(
    section('4. cold start from a warm cache → first served snapshot (ms)', [
      `A data dir filled by a host that ran against the demo hub until it held every key. Each run spawns`,
      `\`node bin/ioc-wall.js start --shell headless --port 0 --hub ${UNREACHABLE_HUB} --data-dir DIR\` (nothing listens:`,
      `an offline start), reads the console URL it prints, connects a bridge client with that token and origin, and`,
      `calls hello {role: wall, surfaceId: wall-1}; the clock runs from spawn until hello is answered with a`,
      `non-empty \`latest\` (the page's first paint data). ${runs} runs, each a new process; SIGTERM between runs.`,
    ]),
  );
  const dir = tempDir('cold');
  const dataDir = join(dir, 'data');
  const warm = await warmCache(dataDir);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await oneStart(dataDir, 20_000));
  removeDir(dir);

  const rows = results.map((r, i) => [
    String(i + 1),
    fmt(r.urlMs),
    fmt(r.connectedMs),
    fmt(r.helloMs),
    fmt(r.latest),
    r.feedState,
  ]);
  const s = summarize(results.map((r) => r.helloMs));
  const u = summarize(results.map((r) => r.urlMs));
  rows.push(['p50', fmt(u.p50), '', fmt(s.p50), '', '']);
  rows.push(['max', fmt(u.max), '', fmt(s.max), '', '']);
  print(table(['run', 'URL printed', 'bridge up', 'hello answered', 'latest', 'feed'], rows));
  print(`  cache: ${fmt(warm.keys)} keys, ${fmt(warm.events)} events of history`);
  const empty = results.some((r) => r.latest === 0);
  const targets = [
    {
      what: 'cold start → first served snapshot < 1.5 s',
      measured: `p50 ${fmt(s.p50)} ms`,
      met: !empty && s.p50 < 1500,
    },
    { what: '… every run (max) < 1.5 s', measured: `max ${fmt(s.max)} ms`, met: !empty && s.max < 1500 },
  ];
  print(targetLines(targets));
  return {
    bench: 'cold-start',
    runs: results.map((r) => ({
      urlMs: Math.round(r.urlMs),
      bridgeMs: Math.round(r.connectedMs),
      helloMs: Math.round(r.helloMs),
      latest: r.latest,
    })),
    helloMs: { p50: Math.round(s.p50), max: Math.round(s.max) },
    cache: warm,
    targets,
  };
}
