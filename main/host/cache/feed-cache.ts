// The host's cache of the feed, in SQLite: history, the latest value of every key, and the offset of every topic.
// Events are applied in memory at once (the wall sees them) and written in batched transactions; a topic's
// offset is committed in the same transaction as its data, so a crash can neither skip nor duplicate.
import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow, toEnvelope } from '../../../platform/event-rows.js';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { LatestValues } from '../../../src/domain/latest-values.js';
import type { Logger } from '../../../platform/logger.js';
import type { FeedSink } from '../feed-client.js';
import { flatRows, prepareCommit } from './cache-commit.js';
import { type CacheWriter, openCacheWriter } from './cache-writer.js';

export type CacheListener = (events: Envelope[]) => void;

/**
 * WAL pages between checkpoints: SQLite's default while live, more while full batches are committed (a replay): each
 * checkpoint syncs the file, and a replay waited on those syncs (about 20 % of its wall time in FeedCache alone).
 */
const LIVE_CHECKPOINT_PAGES = 1000;
const CATCH_UP_CHECKPOINT_PAGES = 10_000;

export interface FeedCacheOptions {
  /** Longest time an applied event waits before it is committed. */
  flushMs?: number;
  /** A batch this large is committed at once. */
  maxBatch?: number;
  /** History kept per topic. */
  retainMs?: number;
}

export class FeedCache implements FeedSink {
  private values = new LatestValues();
  private readonly offsets = new Map<string, number>();
  private readonly times = new Map<string, number>();
  private pending: Envelope[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<CacheListener>();
  private readonly writer: CacheWriter;
  private readonly replace: (topic: string, upTo: number, events: Envelope[]) => void;
  private readonly snapshotListeners = new Set<(topic: string) => void>();
  private readonly flushMs: number;
  private readonly maxBatch: number;
  committedEvents = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly logger: Logger,
    options: FeedCacheOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 150;
    this.maxBatch = options.maxBatch ?? 5000;
    this.writer = openCacheWriter(db);
    // A snapshot is written on this thread, after the writer has drained, with the same commit.
    const commitHere = prepareCommit(db);
    const upsertOffset = db.prepare(
      `INSERT INTO topic_offsets (topic, offset, last_event_time) VALUES (?, ?, ?)
       ON CONFLICT (topic) DO UPDATE SET offset = excluded.offset, last_event_time = excluded.last_event_time`,
    );
    this.replace = db.transaction((topic: string, upTo: number, events: Envelope[]) => {
      // History above the snapshot belongs to a log the hub no longer has; below it, it stays as it was.
      db.prepare('DELETE FROM events WHERE topic = ? AND offset > ?').run(topic, upTo);
      db.prepare('DELETE FROM latest WHERE topic = ?').run(topic);
      commitHere(flatRows(events), LIVE_CHECKPOINT_PAGES);
      const newest = events.reduce((t, e) => Math.max(t, e.time), 0);
      upsertOffset.run(topic, upTo, newest > 0 ? newest : null);
    });
    this.load();
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT topic, offset, last_event_time FROM topic_offsets').all() as {
      topic: string;
      offset: number;
      last_event_time: number | null;
    }[]) {
      this.offsets.set(row.topic, row.offset);
      if (row.last_event_time !== null) this.times.set(row.topic, row.last_event_time);
    }
    const rows = this.db.prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM latest ORDER BY topic, offset`).all();
    for (const r of rows) this.values.apply(toEnvelope(r));
  }

  offset(topic: string): number {
    return this.offsets.get(topic) ?? 0;
  }

  lastEventTime(topic: string): number | null {
    return this.times.get(topic) ?? null;
  }

  apply(events: Envelope[]): void {
    const applied: Envelope[] = [];
    for (const e of events) {
      if (e.offset <= this.offset(e.topic)) continue;
      this.offsets.set(e.topic, e.offset);
      this.times.set(e.topic, Math.max(this.times.get(e.topic) ?? 0, e.time));
      this.values.apply(e);
      applied.push(e);
    }
    if (applied.length === 0) return;
    this.pending.push(...applied);
    if (this.pending.length >= this.maxBatch) this.send();
    else if (!this.timer) this.timer = setTimeout(() => this.send(), this.flushMs);
    for (const l of this.listeners) l(applied);
  }

  /** Replaces the topic's latest values and offset by the hub's snapshot, durably and at once. */
  applySnapshot(topic: string, upTo: number, events: Envelope[]): void {
    this.flush();
    this.replace(topic, upTo, events);
    this.values.replaceTopic(topic, upTo, events);
    this.offsets.set(topic, upTo);
    const newest = events.reduce((t, e) => Math.max(t, e.time), 0);
    if (newest > 0) this.times.set(topic, newest);
    else this.times.delete(topic);
    for (const l of this.snapshotListeners) l(topic);
  }

  onSnapshot(listener: (topic: string) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  /** Commits what is pending in one transaction and returns once it (and every batch before it) is committed. */
  flush(): void {
    this.send();
    this.writer.drain();
  }

  /** Gives what is pending to the writer as one batch, without waiting for it. */
  private send(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.writer.write(
      flatRows(batch),
      batch.length >= this.maxBatch ? CATCH_UP_CHECKPOINT_PAGES : LIVE_CHECKPOINT_PAGES,
    );
    this.committedEvents += batch.length;
  }

  latest(): Envelope[] {
    return this.values.all();
  }

  get size(): number {
    return this.values.size;
  }

  onApplied(listener: CacheListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events of a topic (or of one key) since a time, oldest first, at most `limit` of the newest. */
  history(topic: string, key: string | undefined, since: number, limit: number): Envelope[] {
    this.flush();
    const rows = (
      key === undefined
        ? this.db
            .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE topic = ? AND time >= ? ORDER BY offset DESC LIMIT ?`)
            .all(topic, since, limit)
        : this.db
            .prepare(
              `SELECT ${EVENT_COLUMNS} FROM events WHERE topic = ? AND key = ? AND time >= ?
               ORDER BY offset DESC LIMIT ?`,
            )
            .all(topic, key, since, limit)
    ) as EventRow[];
    return rows.reverse().map(toEnvelope);
  }

  /** Drops history older than `retainMs`; latest values and offsets stay. */
  prune(retainMs: number, now = Date.now()): number {
    this.flush();
    return this.db.prepare('DELETE FROM events WHERE time < ?').run(now - retainMs).changes;
  }

  close(): void {
    try {
      this.flush();
    } catch (err) {
      this.logger.error('cache flush at close failed', { error: String(err) });
    } finally {
      this.writer.close();
    }
  }
}
