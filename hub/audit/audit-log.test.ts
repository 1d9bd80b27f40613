import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubDatabaseFile, openHubDatabase } from '../hub-database.js';
import { type AuditEntry, rowHash } from './audit-entry.js';
import { AuditLog } from './audit-log.js';

const T0 = Date.parse('2026-11-27T08:00:00+07:00');

const entry = (i: number): AuditEntry => ({
  person: i % 3 === 0 ? 'huong.nt' : 'anh',
  device: 'console-1',
  peer: '10.0.0.12',
  action: i % 2 === 0 ? 'preset.save' : 'wall.activate',
  target: `preset:p${i % 4}`,
  outcome: i % 5 === 0 ? 'rejected' : 'ok',
  detail: { version: i, note: 'Giao ban sáng, "khẩn"' },
});

/** Changes the file as an attacker with write access would: through another connection, triggers dropped. */
function tamper(dir: string, sql: string): void {
  const db = new Database(hubDatabaseFile(dir));
  try {
    db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;
      DROP TRIGGER IF EXISTS audit_log_follows_head; DROP TRIGGER IF EXISTS audit_log_advances_head;
      DROP TRIGGER IF EXISTS audit_head_forward_only; ${sql}`);
  } finally {
    db.close();
  }
}

describe('AuditLog', () => {
  let dir: string;
  let db: Database.Database;
  let log: AuditLog;
  let now: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-audit-'));
    db = openHubDatabase(dir);
    now = T0;
    log = new AuditLog(db, () => (now += 1000));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fill = (n: number): void => {
    for (let i = 1; i <= n; i++) log.append(entry(i));
  };
  /** Verifies as `audit verify` does: a fresh connection to the file. */
  const verifyFile = (): ReturnType<AuditLog['verify']> => {
    const fresh = openHubDatabase(dir);
    try {
      return new AuditLog(fresh, Date.now).verify();
    } finally {
      fresh.close();
    }
  };

  it('chains each row to the one before and verifies an untouched log', () => {
    fill(10);
    const rows = log.query({ limit: 100 }).reverse();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    rows.slice(1).forEach((r, i) => expect(r.prevHash).toBe(rows[i]!.hash));
    expect(verifyFile()).toEqual({ ok: true, rows: 10, headSeq: 10, headHash: rows[9]!.hash });
  });

  it('verifies an empty log', () => {
    expect(verifyFile()).toMatchObject({ ok: true, rows: 0, headSeq: 0 });
  });

  it('refuses UPDATE and DELETE through SQL', () => {
    fill(3);
    expect(() => db.exec("UPDATE audit_log SET person = 'someone else' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 3')).toThrow(/append-only/);
    expect(() => db.exec('UPDATE audit_head SET seq = 1')).toThrow(/append-only/);
    expect(() =>
      db.exec(`INSERT INTO audit_log (seq, time, action, outcome, detail, prev_hash, hash)
               VALUES (9, 0, 'x', 'ok', '{}', 'bad', 'bad')`),
    ).toThrow(/follow the head/);
    expect(verifyFile()).toMatchObject({ ok: true, rows: 3 });
  });

  it.each([
    ['an edited field', "UPDATE audit_log SET person = 'someone else' WHERE seq = 4", 4, /edited/],
    ['an edited outcome', "UPDATE audit_log SET outcome = 'ok' WHERE seq = 5", 5, /edited/],
    ['an edited time', 'UPDATE audit_log SET time = time + 1 WHERE seq = 7', 7, /edited/],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 6', 6, /row 6 is missing/],
    ['the deleted last row', 'DELETE FROM audit_log WHERE seq = 10', 10, /cut from the end/],
    [
      'two swapped rows',
      `UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4;
       UPDATE audit_log SET seq = 4 WHERE seq = -1`,
      3,
      /does not follow/,
    ],
    [
      'a row inserted in the middle',
      `UPDATE audit_log SET seq = seq + 100 WHERE seq >= 5; UPDATE audit_log SET seq = seq - 99 WHERE seq >= 105;
       INSERT INTO audit_log SELECT 5, time, 'forger', device, peer, action, target, outcome, detail, hash, hash
         FROM audit_log WHERE seq = 4`,
      5,
      /edited/,
    ],
    [
      'a row appended past the head',
      `INSERT INTO audit_log SELECT 11, time, person, device, peer, action, target, outcome, detail, hash, hash
         FROM audit_log WHERE seq = 10`,
      11,
      /edited/,
    ],
  ])('names the first broken row after %s', (_what, sql, seq, why) => {
    fill(10);
    tamper(dir, sql);
    const result = verifyFile();
    expect(result).toMatchObject({ ok: false, firstBadSeq: seq });
    expect(!result.ok && result.why).toMatch(why);
  });

  it('finds a well-formed row written past the recorded head', () => {
    fill(3);
    // A forger who knows the algorithm writes a row with a correct hash but leaves the head where it was.
    tamper(dir, '');
    const forger = new Database(hubDatabaseFile(dir));
    const last = log.query({ limit: 1 })[0]!;
    const forged = { ...last, seq: 4, person: 'forger', prevHash: last.hash };
    forger
      .prepare(`INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        4,
        forged.time,
        'forger',
        forged.device,
        forged.peer,
        forged.action,
        forged.target,
        forged.outcome,
        forged.detail,
        last.hash,
        rowHash(forged),
      );
    forger.close();
    expect(verifyFile()).toEqual({ ok: false, firstBadSeq: 4, why: 'rows were added after the recorded last row' });
  });

  it('finds any single edit, deletion or swap of a random log (property)', { timeout: 120_000 }, () => {
    let round = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            person: fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), { nil: null }),
            action: fc.constantFrom('preset.save', 'alert.ack', 'login', 'user.add'),
            target: fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), { nil: null }),
            note: fc.string({ unit: 'binary', maxLength: 30 }),
          }),
          { minLength: 2, maxLength: 12 },
        ),
        fc.nat(),
        fc.constantFrom('edit', 'delete', 'swap'),
        (rows, pick, how) => {
          const d = join(dir, `p${round++}`);
          const pdb = openHubDatabase(d);
          const plog = new AuditLog(pdb, () => T0);
          for (const r of rows) {
            plog.append({
              person: r.person,
              device: null,
              peer: null,
              action: r.action,
              target: r.target,
              outcome: 'ok',
              detail: { note: r.note },
            });
          }
          pdb.close();
          const seq = (pick % (rows.length - (how === 'swap' ? 1 : 0))) + 1;
          tamper(
            d,
            how === 'edit'
              ? `UPDATE audit_log SET detail = '{"note":"đã sửa"}' || detail WHERE seq = ${seq}`
              : how === 'delete'
                ? `DELETE FROM audit_log WHERE seq = ${seq}`
                : `UPDATE audit_log SET seq = -1 WHERE seq = ${seq}; UPDATE audit_log SET seq = ${seq} WHERE seq = ${seq + 1};
                   UPDATE audit_log SET seq = ${seq + 1} WHERE seq = -1`,
          );
          const check = openHubDatabase(d);
          const result = new AuditLog(check, Date.now).verify();
          check.close();
          expect(result).toMatchObject({ ok: false, firstBadSeq: seq });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('answers the trail of a target, a person or an action, newest first', () => {
    fill(12);
    expect(log.query({ target: 'preset:p1', limit: 10 }).map((r) => r.seq)).toEqual([9, 5, 1]);
    expect(log.query({ person: 'huong.nt', action: 'preset.save', limit: 10 }).map((r) => r.seq)).toEqual([12, 6]);
    expect(log.query({ limit: 2 }).map((r) => r.seq)).toEqual([12, 11]);
  });

  it('exports a time range as JSON lines and as CSV', () => {
    fill(5);
    const jsonl = [...log.export({ from: T0 + 2000, to: T0 + 4000, format: 'jsonl' })];
    expect(jsonl.map((l) => JSON.parse(l) as { seq: number; time: string; detail: object })).toMatchObject([
      { seq: 2, time: '2026-11-27T01:00:02.000Z', detail: { version: 2, note: 'Giao ban sáng, "khẩn"' } },
      { seq: 3 },
    ]);
    const csv = [...log.export({ format: 'csv' })];
    expect(csv).toHaveLength(6);
    expect(csv[0]).toBe('seq,time,person,device,peer,action,target,outcome,detail,prevHash,hash\r\n');
    expect(csv[1]).toMatch(
      /^1,2026-11-27T01:00:01\.000Z,anh,console-1,10\.0\.0\.12,wall\.activate,preset:p1,ok,"{""note"":""Giao ban sáng, \\""khẩn\\"""",""version"":1}",0{64},[0-9a-f]{64}\r\n$/,
    );
  });

  it('keeps a cell a spreadsheet would run as a formula as text', () => {
    log.append({ ...entry(1), target: '=HYPERLINK("http://evil")' });
    expect([...log.export({ format: 'csv' })][1]).toContain(`,"'=HYPERLINK(""http://evil"")",`);
  });

  it('stores and verifies text with a lone surrogate, NUL and control characters', () => {
    log.append({ ...entry(1), person: 'a\uD800b', target: 'x\u0000y\u001f', detail: { note: '\uDC00\n' } });
    expect(log.query({ limit: 1 })[0]).toMatchObject({ person: 'a\uFFFDb', target: 'x\u0000y\u001f' });
    expect(verifyFile()).toMatchObject({ ok: true, rows: 1 });
  });

  it('refuses an entry that is not an audit entry', () => {
    expect(() => log.append({ ...entry(1), action: 'DROP TABLE' })).toThrow();
    expect(() => log.append({ ...entry(1), target: 'x'.repeat(300) })).toThrow();
    expect(() => log.append({ ...entry(1), detail: { deep: { nested: 1 } } as never })).toThrow();
    expect(verifyFile()).toMatchObject({ ok: true, rows: 0 });
  });
});
