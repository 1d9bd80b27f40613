// Each hub's audit chain (hub/audit/), copied row by row into the `IOC_AUDIT` stream under the hub's own subject,
// so the trail survives the loss of the hub's machine and can be verified from the cluster alone. The chain stays
// one per hub: the hub writes its row in the same SQLite transaction as the command it records, and the copy
// follows within a second.
import type Database from 'better-sqlite3';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { z } from 'zod';
import type { Logger } from '../../platform/logger.js';
import { type AuditRecord, rowHash } from '../audit/audit-entry.js';
import { GENESIS_HASH } from '../audit/audit-schema.js';
import { DEDUPE_WINDOW, ensureStream } from './topic-streams.js';
import { AuditRow } from '../../src/contract/people.js';

const STREAM = 'IOC_AUDIT';
const subjectOfHub = (hub: string) => `ioc.audit.${hub}`;
const PERIOD_MS = 1000;
const RECORD =
  'seq, time, person, device, peer, action, target, outcome, detail, prev_hash AS prevHash, hash FROM audit_log';

/** A row as the cluster holds it: the console's audit row and the chain's two hashes. */
const MirroredRecord = AuditRow.extend({ prevHash: z.string(), hash: z.string() });

export function ensureAuditStream(jsm: JetStreamManager, replicas: number): Promise<void> {
  return ensureStream(jsm, {
    name: STREAM,
    subjects: ['ioc.audit.>'],
    num_replicas: replicas,
    duplicate_window: DEDUPE_WINDOW,
  });
}

/** Copies the rows the stream does not have yet, now and every second; returns the way to stop. */
export async function mirrorAudit(
  db: Database.Database,
  nats: { js: JetStreamClient; jsm: JetStreamManager },
  hub: string,
  logger: Logger,
): Promise<() => void> {
  const last = await nats.jsm.streams.getMessage(STREAM, { last_by_subj: subjectOfHub(hub) }).catch(() => null);
  let copied = last ? MirroredRecord.parse(last.json()).seq : 0;
  const after = db.prepare<[number], AuditRecord>(`SELECT ${RECORD} WHERE seq > ? ORDER BY seq LIMIT 500`);
  let busy = false;
  const copy = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (let rows = after.all(copied); rows.length > 0; rows = after.all(copied)) {
        for (const row of rows) {
          await nats.js.publish(subjectOfHub(hub), JSON.stringify(row), { msgID: `${hub}-${row.seq}` });
          copied = row.seq;
        }
      }
    } catch (err) {
      logger.warn('could not copy the audit log to the cluster; will retry', { error: String(err), copied });
    } finally {
      busy = false;
    }
  };
  await copy();
  const timer = setInterval(() => void copy(), PERIOD_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Walks a hub's chain as the cluster holds it: every row present, in order, each hash right and linked. */
export async function verifyMirroredAudit(
  js: JetStreamClient,
  hub: string,
): Promise<{ ok: true; rows: number; headHash: string } | { ok: false; firstBadSeq: number; why: string }> {
  const consumer = await js.consumers.get(STREAM, { filter_subjects: subjectOfHub(hub) });
  let prevHash = GENESIS_HASH;
  let expected = 1;
  const messages = await consumer.fetch({ max_messages: 1_000_000, expires: 2000 });
  for await (const m of messages) {
    const r = MirroredRecord.safeParse(m.json());
    if (!r.success) return { ok: false, firstBadSeq: expected, why: 'a row that is not an audit record' };
    if (r.data.seq !== expected) return { ok: false, firstBadSeq: expected, why: `row ${expected} is missing` };
    if (r.data.prevHash !== prevHash)
      return { ok: false, firstBadSeq: expected, why: 'it does not follow the row before' };
    const { hash, ...fields } = r.data;
    if (rowHash(fields) !== hash)
      return { ok: false, firstBadSeq: expected, why: 'its contents do not match its hash' };
    prevHash = hash;
    expected++;
    if (m.info.pending === 0) break;
  }
  return { ok: true, rows: expected - 1, headHash: prevHash };
}
