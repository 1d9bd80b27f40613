// A hub's copy of the JetStream log: the same SQLite tables the embedded back end uses (so the subscribers, the
// snapshot, the command handlers and the alarm engine read it unchanged), written only by the stream followers
// in stream order. What the hub appends goes to the streams (stream-writer.ts) and comes back here like anyone
// else's events: every hub of the site holds the same log, offset by offset.
import type Database from 'better-sqlite3';
import { migrate } from '../../platform/sqlite/migrate.js';
import type { Envelope, KnownTopic } from '../../src/contract/hub-protocol.js';
import { EventLog, type NewEvent } from '../event-log.js';
import { commandEventId } from './command-claims.js';

/** Where the replica stands in each topic's stream: the last stream sequence it applied (or skipped). */
const REPLICA_MIGRATIONS: readonly string[] = [
  `CREATE TABLE stream_positions (topic TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;`,
];

/** Hands events to the stream writer, with their message ids when they have their own. */
type Send = (events: readonly NewEvent[], ids?: readonly string[]) => void;

export interface StreamTail {
  /** The stream sequence of the last message applied or skipped. */
  seq: number;
  /** The topic's offset after it. */
  offset: number;
}

export class ReplicaLog extends EventLog {
  private readonly positions = new Map<string, number>();
  private command: { key: string; next: number } | null = null;
  private readonly savePosition: Database.Statement<[string, number]>;

  /** `send`: hands events to the stream writer; they enter this replica once the stream has them. */
  static open(db: Database.Database, send: Send): ReplicaLog {
    migrate(db, 'jetstream-replica', REPLICA_MIGRATIONS);
    return new ReplicaLog(db, send);
  }

  private constructor(
    db: Database.Database,
    private readonly send: Send,
  ) {
    super(db);
    for (const r of db.prepare('SELECT topic, seq FROM stream_positions').all() as { topic: string; seq: number }[]) {
      this.positions.set(r.topic, r.seq);
    }
    this.savePosition = db.prepare(
      'INSERT INTO stream_positions (topic, seq) VALUES (?, ?) ON CONFLICT (topic) DO UPDATE SET seq = excluded.seq',
    );
  }

  /**
   * Sends the events to the streams. Their offsets are not known yet (0): nothing the hub does with an append's
   * result needs them, and the events reach the subscribers and the alarm engine when the followers apply them.
   */
  override append(events: readonly NewEvent[]): Envelope[] {
    const command = this.command;
    this.send(events, command ? events.map(() => commandEventId(command.key, command.next++)) : undefined);
    return events.map((e) => ({ ...e, offset: 0 }));
  }

  /** Runs a command's handler: the events it appends get message ids from the command's key (command-claims.ts). */
  override asCommand<T>(key: string, apply: () => T): T {
    this.command = { key, next: 0 };
    try {
      return apply();
    } finally {
      this.command = null;
    }
  }

  /**
   * Applies a follower's batch, the last stream sequence it read (applied or skipped) saved with it. `floor`: the
   * batch starts past a part of the log the stream no longer holds (a new replica, or one away longer than the
   * retention); below it the batch holds only the latest event of each key (latest-snapshot.ts).
   */
  applyFromStream(topic: KnownTopic, envelopes: readonly Envelope[], lastSeq: number, floor?: number): void {
    this.store(envelopes, () => {
      this.savePosition.run(topic, lastSeq);
      if (floor !== undefined) this.recordFloor(topic, floor);
    });
    this.positions.set(topic, lastSeq);
  }

  tail(topic: KnownTopic): StreamTail {
    return { seq: this.positions.get(topic) ?? 0, offset: this.head(topic) };
  }
}
