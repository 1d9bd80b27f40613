// The hub's audit log: who did what, when, from where, and how it ended — append-only, each row chained to the
// one before by a SHA-256 hash, so a row edited, removed, inserted or moved in the file is found by `verify`.
//
// What the chain proves and what it cannot: any change to the rows up to the recorded head is detected, and so
// is cutting rows off the end (the head in `audit_head` still names the last row). Someone who can write the
// file AND rewrites the head, or who appends well-formed rows, is not detected by the file alone: the chain has
// no secret. Keeping the head hash `verify` prints somewhere else (a printed report, another machine) closes
// that gap: a later head must descend from it.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import { AuditEntry, type AuditRecord, detailText, HASHED_COLUMNS, hashOfFields, rowHash } from './audit-entry.js';
import { type ExportFormat, exportHeader, exportLine } from './audit-export.js';
import { GENESIS_HASH } from './audit-schema.js';

export type AuditVerification =
  { ok: true; rows: number; headSeq: number; headHash: string } | { ok: false; firstBadSeq: number; why: string };

export interface AuditQuery {
  target?: string;
  person?: string;
  action?: string;
  limit: number;
}

export interface AuditExport {
  /** Inclusive, ms since the epoch. */
  from?: number;
  /** Exclusive, ms since the epoch. */
  to?: number;
  format: ExportFormat;
}

/** Columns read back as an AuditRecord. */
const RECORD = 'seq, time, person, device, peer, action, target, outcome, detail, prev_hash AS prevHash, hash';

export class AuditLog {
  private readonly head: Database.Statement<[], { seq: number; hash: string }>;
  private readonly insert: Database.Statement;
  private readonly appendParsed: Database.Transaction<(e: z.output<typeof AuditEntry>) => AuditRecord>;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (${HASHED_COLUMNS}, hash)
       VALUES (@seq, @time, @person, @device, @peer, @action, @target, @outcome, @detail, @prevHash, @hash)`,
    );
    this.appendParsed = db.transaction((e) => {
      const head = this.head.get();
      if (!head) throw new Error('the audit log has no head row: the database was changed by hand');
      const unhashed = {
        seq: head.seq + 1,
        time: this.clock(),
        person: e.person,
        device: e.device,
        peer: e.peer,
        action: e.action,
        target: e.target,
        outcome: e.outcome,
        detail: detailText(e.detail),
        prevHash: head.hash,
      };
      const record = { ...unhashed, hash: rowHash(unhashed) };
      this.insert.run(record);
      return record;
    });
  }

  /** Appends one row after the current head (in the caller's transaction, if there is one). */
  append(entry: AuditEntry): AuditRecord {
    return this.appendParsed.immediate(AuditEntry.parse(entry));
  }

  /** Walks the whole chain once; the first row that does not hold names where the log was changed. */
  verify(): AuditVerification {
    let expected = 1;
    let prevHash = GENESIS_HASH;
    const rows = this.db.prepare(`SELECT ${HASHED_COLUMNS}, hash FROM audit_log ORDER BY seq`).raw(true);
    for (const row of rows.iterate() as IterableIterator<unknown[]>) {
      const seq = row[0] as number;
      if (seq !== expected) return { ok: false, firstBadSeq: expected, why: `row ${expected} is missing` };
      if (row[9] !== prevHash) {
        return {
          ok: false,
          firstBadSeq: seq,
          why: 'it does not follow the row before (a row was removed, inserted or moved)',
        };
      }
      const stored = row.pop();
      const hash = hashOfFields(row);
      if (hash !== stored) return { ok: false, firstBadSeq: seq, why: 'its contents do not match its hash (edited)' };
      prevHash = hash;
      expected++;
    }
    const last = expected - 1;
    const head = this.head.get();
    if (!head) return { ok: false, firstBadSeq: last + 1, why: 'the record of the last row (audit_head) is gone' };
    if (head.seq > last) {
      return { ok: false, firstBadSeq: last + 1, why: `rows ${last + 1}–${head.seq} were cut from the end` };
    }
    if (head.seq < last || head.hash !== prevHash) {
      return { ok: false, firstBadSeq: head.seq + 1, why: 'rows were added after the recorded last row' };
    }
    return { ok: true, rows: last, headSeq: head.seq, headHash: head.hash };
  }

  /** Newest first: the trail of a preset, an alert, a person or an action, for the console. */
  query(q: AuditQuery): AuditRecord[] {
    const where: string[] = [];
    const values: string[] = [];
    for (const [column, value] of [
      ['target', q.target],
      ['person', q.person],
      ['action', q.action],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      values.push(value);
    }
    const limit = Math.max(1, Math.min(Math.floor(q.limit), 1000));
    const sql = `SELECT ${RECORD} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${limit}`;
    return this.db.prepare(sql).all(...values) as AuditRecord[];
  }

  /** Lines of a time range, oldest first, one row read at a time: a million-row export stays small in memory. */
  *export(range: AuditExport): Generator<string> {
    const header = exportHeader(range.format);
    if (header !== undefined) yield header;
    const rows = this.db
      .prepare(`SELECT ${RECORD} FROM audit_log WHERE time >= ? AND time < ? ORDER BY seq`)
      .iterate(
        range.from ?? Number.MIN_SAFE_INTEGER,
        range.to ?? Number.MAX_SAFE_INTEGER,
      ) as IterableIterator<AuditRecord>;
    for (const row of rows) yield exportLine(row, range.format);
  }
}
