// What the benchmarks share: temp dirs and child processes cleaned up at the end, a hub on loopback, a host in
// its own process, a read-only view of the host's committed offsets, bounded waits, the browsers' flags.
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { createLogger } from '../dist/platform/logger.js';
import { startHub } from '../dist/hub/hub-server.js';
import { QUIET_CHROMIUM_FLAGS } from '../dist/main/host/shells/chromium-flags.js';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
const dirs = new Set();
const children = new Set();
const closers = new Set();

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits for `promise` at most `ms` (without leaving a timer behind); resolves false on time-out. */
export function within(promise, ms) {
  let timer;
  return Promise.race([promise.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), ms)))]).finally(
    () => clearTimeout(timer),
  );
}

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `ioc-bench-${prefix}-`));
  dirs.add(dir);
  return dir;
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** Registers something to close at the end if the benchmark did not (a crash half-way). */
export function atCleanup(fn) {
  closers.add(fn);
  return () => closers.delete(fn);
}

export function trackChild(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function cleanupAll() {
  for (const fn of [...closers].reverse()) {
    closers.delete(fn);
    try {
      await fn();
    } catch {
      // best effort: the process is going away
    }
  }
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

/** History kept by the bench hubs: everything (the benchmarks measure replay, not retention). */
const KEEP_ALL = { maxAgeMs: 30 * 86_400_000, maxEvents: 1_000_000_000 };

/**
 * A hub without demo data on 127.0.0.1. `snapshotAbove` is set past any log size so that a host starting from
 * nothing replays the whole log rather than starting from the hub's snapshot, and retention keeps everything.
 */
export async function startBenchHub(logFile) {
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    logFile,
    demo: false,
    version: 'bench',
    logger: createLogger('bench-hub', 'error'),
    snapshotAbove: Number.MAX_SAFE_INTEGER,
    retention: { 'econ.live': KEEP_ALL, 'econ.indicators': KEEP_ALL, 'gov.tasks': KEEP_ALL, 'ops.alerts': KEEP_ALL },
  });
  const undo = atCleanup(() => hub.close());
  let closed = false;
  return {
    url: hub.url,
    port: hub.port,
    admin: hub.admin,
    status: () => hub.status(),
    publish: (events) => hub.publish(events),
    heads: () => Object.fromEntries(Object.entries(hub.status().topics).map(([t, v]) => [t, v.head])),
    async close() {
      if (closed) return;
      closed = true;
      undo();
      await hub.close();
    },
  };
}

/**
 * A wall device enrolled on `hub` (a started hub, or startBenchHub's) as an installer would, its credential
 * written to `<dir>/credential.json` (0600) for the host's --hub-credential.
 */
export function benchCredentialFile(hub, dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'credential.json');
  const name = `bench-${Math.random().toString(36).slice(2, 10)}`;
  const installer = { person: 'cli:bench', device: 'bench', peer: null };
  hub.admin.addDevice(installer, name, 'wall', (secret) =>
    writeFileSync(file, JSON.stringify({ device: name, secret }), { mode: 0o600 }),
  );
  return file;
}

/** The next IPC message of `type` from `child`; null after `ms`, or at once when the child is gone. */
export function nextMessage(child, type, ms) {
  return new Promise((resolve) => {
    if (!child.connected) return resolve(null);
    const timer = setTimeout(() => {
      child.off('message', on);
      resolve(null);
    }, ms);
    const on = (msg) => {
      if (msg?.type !== type) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(msg);
    };
    child.on('message', on);
  });
}

/** Starts bench/host-child.mjs (startHost from dist) against `hub`; resolves once startHost has returned. */
export async function startHostProcess(hub, dataDir, timeoutMs = 30_000) {
  const hubCredential = benchCredentialFile(hub, `${dataDir}-credential`);
  const args = JSON.stringify({ hub: hub.url, dataDir, hubCredential });
  const child = trackChild(
    fork(new URL('./host-child.mjs', import.meta.url), [args], {
      cwd: REPO,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, IOC_LOG_LEVEL: 'error' },
    }),
  );
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within ${timeoutMs} ms`)), timeoutMs);
    child.once('message', (msg) => {
      clearTimeout(timer);
      resolve(msg);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before it was ready`));
    });
  });
  const request = (type, reply, ms) => {
    const answer = nextMessage(child, reply, ms);
    if (child.connected) child.send({ type });
    return answer;
  };
  const close = async () => {
    undo();
    if (child.exitCode !== null || child.signalCode !== null) return null;
    const exited = new Promise((r) => child.once('exit', r));
    const closed = await request('close', 'closed', 15_000);
    await within(exited, 5_000);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return closed;
  };
  const undo = atCleanup(close);
  return {
    child,
    readyAt: ready.at,
    origin: ready.origin,
    token: ready.token,
    cacheFile: join(dataDir, 'cache.sqlite'),
    memory: () => request('memory', 'memory', 5_000),
    close,
  };
}

/**
 * A read-only connection to a host's cache. "Committed" = what another connection sees in `topic_offsets`: the
 * offset is written in the same transaction as the events and latest values (FeedCache.commit), so an offset seen
 * here means those events are in SQLite (WAL, synchronous=NORMAL: they survive a crash of the host process).
 */
export function committedReader(cacheFile) {
  const db = new Database(cacheFile, { readonly: true, fileMustExist: true });
  const stmt = db.prepare('SELECT topic, offset FROM topic_offsets');
  return {
    read() {
      const out = {};
      for (const r of stmt.all()) out[r.topic] = r.offset;
      return out;
    },
    close: () => db.close(),
  };
}

/** Chromium flags every bench browser starts with: no sandbox (root here), and the browser shell's quiet flags. */
export const BENCH_CHROMIUM_ARGS = ['--no-sandbox', ...QUIET_CHROMIUM_FLAGS];

/** A bench module run on its own (`node bench/<name>.mjs [--quick]`): runs it, cleans up, exits. */
export async function runAlone(run) {
  try {
    await run({ quick: process.argv.includes('--quick'), print: (t) => process.stdout.write(`${t}\n`) });
  } finally {
    await cleanupAll();
  }
  process.exit(0);
}

/** A small deterministic generator (mulberry32): the same data on every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds for the JSON results: ms to whole numbers, seconds to 3 decimals. */
export const round = (v, digits = 0) =>
  v === null || v === undefined ? v : Math.round(v * 10 ** digits) / 10 ** digits;

export const totalOf = (offsets) => Object.values(offsets).reduce((n, v) => n + v, 0);
export const reached = (offsets, heads) => Object.entries(heads).every(([t, h]) => (offsets[t] ?? 0) >= h);

/**
 * Polls the committed offsets every `pollMs` until they reach `heads` or `timeoutMs` passes. Returns when the
 * first commit was seen (and the total then), when all were, and the last offsets read.
 */
export async function waitCommitted(reader, heads, { timeoutMs, pollMs = 5, onPoll } = {}) {
  const deadline = Date.now() + timeoutMs;
  const initial = totalOf(reader.read());
  let firstAt = null;
  let firstTotal = 0;
  let last = {};
  for (;;) {
    last = reader.read();
    const now = Date.now();
    onPoll?.(last, now);
    if (firstAt === null && totalOf(last) > initial) {
      firstAt = now;
      firstTotal = totalOf(last);
    }
    if (reached(last, heads)) return { done: true, at: now, firstAt, firstTotal, offsets: last };
    if (now > deadline) return { done: false, at: now, firstAt, firstTotal, offsets: last };
    await sleep(pollMs);
  }
}

/** A bridge client as a wall page is: token, the host's own origin, websocket. */
export function connectBridge(origin, token) {
  const socket = io(origin, {
    transports: ['websocket'],
    auth: { token },
    extraHeaders: { Origin: origin },
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
  atCleanup(() => socket.close());
  return socket;
}

export function connected(socket, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bridge did not connect')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export async function getJson(url, timeoutMs = 5_000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return res.json();
}

/** Polls `probe` every `everyMs` until it returns something truthy or `timeoutMs` passes (then throws). */
export async function until(what, probe, timeoutMs, everyMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
