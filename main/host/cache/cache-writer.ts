// Where the cache's batches are committed: in a worker thread with its own connection to the cache file, so that
// decoding the hub's next batch (this thread) and writing the last one (SQLite) overlap on two cores. A batch's
// rows and its topics' offsets still commit in one transaction (cache-commit.ts); the batches commit in the order
// given. flush-like callers wait with drain(), which blocks until every batch given is committed, and throws the
// first failure — as a commit on this thread would have.
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type FlatRows, prepareCommit } from './cache-commit.js';

/** Batches given and not yet committed before write() waits: bounds memory when the hub sends faster. */
const MAX_QUEUED = 2;
/** A writer that commits nothing for this long is stuck (a lock never released): drain() gives up loudly. */
const STUCK_MS = 120_000;

// CommonJS run by the worker (eval): better-sqlite3 is passed by its resolved path, so it loads from any cwd.
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const prepareCommit = ${prepareCommit.toString()};
const done = new Int32Array(workerData.shared);
let db;
let commit;
let openError = null;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = ' + workerData.synchronous);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  commit = prepareCommit(db);
} catch (err) {
  openError = String(err);
}
parentPort.on('message', (batch) => {
  let error = openError;
  if (batch === null) db?.close();
  else if (!error) {
    try {
      commit(batch.rows, batch.pages);
    } catch (err) {
      error = String(err);
    }
  }
  if (error) workerData.results.postMessage(error);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

export interface CacheWriter {
  /** Commits a batch (now, or in the worker soon after). Throws a failure of an earlier batch. */
  write(rows: FlatRows, checkpointPages: number): void;
  /** Returns once every batch given is committed; throws the first failure since the last check. */
  drain(): void;
  /** Closes the writer's connection (the owner's, closed last, then checkpoints the WAL into the file). */
  close(): void;
}

/** In a worker for a cache file; on this thread for an in-memory database (tests), which no other thread sees. */
export function openCacheWriter(db: Database.Database): CacheWriter {
  return db.memory ? new InlineWriter(db) : new WorkerWriter(db);
}

class InlineWriter implements CacheWriter {
  private readonly commit: (rows: FlatRows, checkpointPages: number) => void;

  constructor(db: Database.Database) {
    this.commit = prepareCommit(db);
  }

  write(rows: FlatRows, checkpointPages: number): void {
    this.commit(rows, checkpointPages);
  }

  drain(): void {}

  close(): void {}
}

class WorkerWriter implements CacheWriter {
  /** Started at the first batch: a cold start that only reads the cache (offline) spends nothing on it. */
  private started: { worker: Worker; results: MessagePort } | null = null;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private given = 0;

  constructor(private readonly db: Database.Database) {}

  private start(): { worker: Worker; results: MessagePort } {
    const { port1, port2 } = new MessageChannel();
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const synchronous = String(this.db.pragma('synchronous', { simple: true }));
    const worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { file: this.db.name, sqlite, synchronous, shared: this.done.buffer, results: port2 },
      transferList: [port2],
    });
    // The writer must not keep a stopping process alive; the cache drains it before it closes.
    worker.unref();
    port1.unref();
    return { worker, results: port1 };
  }

  write(rows: FlatRows, checkpointPages: number): void {
    this.throwFailure();
    this.waitUntil(this.given - MAX_QUEUED + 1);
    this.started ??= this.start();
    this.started.worker.postMessage({ rows, pages: checkpointPages });
    this.given++;
  }

  drain(): void {
    this.waitUntil(this.given);
    this.throwFailure();
  }

  close(): void {
    if (!this.started) return;
    const { worker, results } = this.started;
    this.started = null;
    worker.postMessage(null);
    this.given++;
    try {
      this.waitUntil(this.given);
    } finally {
      void worker.terminate();
      results.close();
    }
  }

  /** Blocks this thread until `count` batches are committed (the worker needs nothing from this thread). */
  private waitUntil(count: number): void {
    const since = Date.now();
    for (let done = Atomics.load(this.done, 0); done < count; done = Atomics.load(this.done, 0)) {
      if (Atomics.wait(this.done, 0, done, 1000) === 'timed-out' && Date.now() - since > STUCK_MS) {
        throw new Error(`the cache writer committed nothing for ${STUCK_MS / 1000} s`);
      }
    }
  }

  private throwFailure(): void {
    const failure = this.started && receiveMessageOnPort(this.started.results);
    if (failure) throw new Error(`cache commit failed: ${String(failure.message)}`);
  }
}
