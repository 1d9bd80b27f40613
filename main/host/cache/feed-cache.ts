// The host's cache of the feed, in SQLite: history, the latest value of every key, and the offset of every topic.
// Events are applied in memory at once (the wall sees them) and written in batched transactions; a topic's
// offset is committed in the same transaction as its data, so a crash can neither skip nor duplicate.
import type Database from 'better-sqlite3';
import {
  EVENT_COLUMNS,
  type EventRow,
  type EventValues,
  eventValues,
  toEnvelope,
} from '../../../platform/event-rows.js';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import { LatestValues } from '../../../src/domain/latest-values.js';
import type { Logger } from '../../../platform/logger.js';
import type { FeedSink } from '../feed-client.js';

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
  private readonly commit: (batch: Envelope[]) => void;
  private readonly replace: (topic: string, upTo: number, events: Envelope[]) => void;
  private readonly snapshotListeners = new Set<(topic: string) => void>();
  private readonly flushMs: number;
  private readonly maxBatch: number;
  private checkpointPages = LIVE_CHECKPOINT_PAGES;
  committedEvents = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly logger: Logger,
    options: FeedCacheOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 150;
    this.maxBatch = options.maxBatch ?? 5000;
    // Positional parameters: binding by name costs a look-up per column per row, measurable in a replay.
    const insertEvent = db.prepare<[...EventValues]>(
      `INSERT OR IGNORE INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const upsertLatest = db.prepare<[...EventValues]>(
      `INSERT INTO latest (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (topic, key) DO UPDATE SET offset = excluded.offset, time = excluded.time,
         source = excluded.source, payload = excluded.payload WHERE excluded.offset > latest.offset`,
    );
    const upsertOffset = db.prepare(
      `INSERT INTO topic_offsets (topic, offset, last_event_time) VALUES (?, ?, ?)
       ON CONFLICT (topic) DO UPDATE SET offset = excluded.offset, last_event_time = excluded.last_event_time`,
    );
    this.commit = db.transaction((batch: Envelope[]) => {
      const lastOfTopic = new Map<string, Envelope>();
      // A batch often updates the same key many times (a live counter): its latest row is written once.
      const lastOfKey = new Map<string, EventValues>();
      for (const e of batch) {
        const values = eventValues(e);
        insertEvent.run(...values);
        lastOfKey.set(`${e.topic}\u0000${e.key}`, values);
        lastOfTopic.set(e.topic, e);
      }
      for (const values of lastOfKey.values()) upsertLatest.run(...values);
      for (const [topic, e] of lastOfTopic) upsertOffset.run(topic, e.offset, e.time);
    });
    this.replace = db.transaction((topic: string, upTo: number, events: Envelope[]) => {
      // History above the snapshot belongs to a log the hub no longer has; below it, it stays as it was.
      db.prepare('DELETE FROM events WHERE topic = ? AND offset > ?').run(topic, upTo);
      db.prepare('DELETE FROM latest WHERE topic = ?').run(topic);
      for (const e of events) {
        const values = eventValues(e);
        insertEvent.run(...values);
        upsertLatest.run(...values);
      }
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
    if (this.pending.length >= this.maxBatch) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.flushMs);
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

  /** Commits what is pending in one transaction. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const pages = batch.length >= this.maxBatch ? CATCH_UP_CHECKPOINT_PAGES : LIVE_CHECKPOINT_PAGES;
    if (pages !== this.checkpointPages) {
      this.db.pragma(`wal_autocheckpoint = ${pages}`);
      this.checkpointPages = pages;
    }
    this.commit(batch);
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
    }
  }
}
