// The cache's integrity check (PRAGMA quick_check), run off the start path: on a large cache it takes longer than
// the whole rest of a cold start, so the first snapshot is served first and the check runs in a worker thread on
// its own read-only connection. A cache found damaged is marked; the host stops, and the next start moves the
// file aside and fills a new cache from the hub (openCache), as for a cache that does not open at all.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CacheIntegrityState } from '../../../src/contract/host-status.js';
import type { Logger } from '../../../platform/logger.js';

/** Written beside the cache when its check failed: the next openCache moves the cache aside. */
export const damagedMarker = (file: string): string => `${file}.damaged`;

// CommonJS run by the worker (eval): better-sqlite3 is passed by its resolved path, so it loads from any cwd.
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let result;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check');
    result = rows.map((r) => r.quick_check).join('; ');
  } finally {
    db.close();
  }
} catch (err) {
  result = err instanceof Error ? err.message : String(err);
}
parentPort.postMessage(result);
`;

/** PRAGMA quick_check of `file` in a worker thread: 'ok', or what it found wrong. */
function quickCheckInWorker(file: string): Promise<string> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK_SOURCE, { eval: true, workerData: { file, sqlite } });
    // A check must not keep a stopping process alive.
    worker.unref();
    worker.once('message', (result: unknown) => resolve(String(result)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the integrity check stopped (exit ${code})`)));
  });
}

function quickCheckHere(file: string): string {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
    } finally {
      db.close();
    }
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export class CacheIntegrity {
  private current: CacheIntegrityState = { state: 'pending', detail: null };
  private stopped = false;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
  ) {}

  get status(): CacheIntegrityState {
    return this.current;
  }

  /** The host is closing: a result that comes after is not acted on (its files may be gone by then). */
  stop(): void {
    this.stopped = true;
  }

  /** Checks the cache; on damage marks it and calls `onDamaged` (the host stops rather than serve from it). */
  async check(onDamaged: (detail: string) => void): Promise<void> {
    let result: string;
    try {
      result = await quickCheckInWorker(this.file);
    } catch (err) {
      // No worker (a constrained runtime): the check still runs, on this thread, after the first snapshot.
      this.logger.warn('the cache check could not run in a worker; running it here', { error: String(err) });
      result = quickCheckHere(this.file);
    }
    if (this.stopped) return;
    if (result === 'ok') {
      this.current = { state: 'ok', detail: null };
      return;
    }
    this.current = { state: 'failed', detail: result.slice(0, 400) };
    try {
      writeFileSync(damagedMarker(this.file), `${new Date().toISOString()} ${result}\n`);
    } catch (err) {
      this.logger.error('could not mark the cache damaged', { error: String(err) });
    }
    this.logger.error(
      `the cache ${this.file} is damaged (${result}); the host stops: at the next start it is moved aside and a new ` +
        'cache is filled from the hub',
    );
    onDamaged(result);
  }
}
