import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { AuditLog } from '../audit/audit-log.js';
import { openHubDatabaseFile } from '../hub-database.js';
import { HandshakeAudit } from './handshake-audit.js';

describe('audit of refused handshakes', () => {
  let db: Database.Database;
  let log: AuditLog;
  let now: number;
  let audit: HandshakeAudit;
  const rows = () => log.query({ limit: 1000 }).reverse();
  const refuse = (peer: string, device: string | null = null) =>
    audit.refused({ peer, device, reason: 'device revoked' });

  beforeEach(() => {
    db = openHubDatabaseFile(null);
    now = 0;
    log = new AuditLog(db, () => now);
    audit = new HandshakeAudit(log, () => now);
  });
  afterEach(() => db.close());

  it('writes one row per peer a minute; the next row counts the refusals that had none', () => {
    for (let i = 0; i < 500; i++) refuse('10.0.0.9', `may-${i}`);
    refuse('10.0.0.7');
    expect(rows().map((r) => [r.peer, r.device])).toEqual([
      ['10.0.0.9', 'may-0'],
      ['10.0.0.7', null],
    ]);
    now += 60_000;
    refuse('10.0.0.9');
    expect(JSON.parse(rows()[2]!.detail)).toEqual({ reason: 'device revoked', alsoRefusedBefore: 499 });
  });

  it('bounds the peers it remembers: past that, one row a minute for all the others', () => {
    for (let i = 0; i < 1000; i++) refuse(`10.1.${Math.floor(i / 250)}.${i % 250}`);
    for (let i = 0; i < 300; i++) refuse(`10.2.0.${i}`);
    expect(db.prepare('SELECT peer FROM audit_log WHERE seq > 1000').all()).toEqual([
      { peer: '10.2.0.0 (and other peers)' },
    ]);
  });
});
