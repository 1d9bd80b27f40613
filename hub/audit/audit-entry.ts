// One row of the audit log, as callers hand it in and as it is read back, with the hash that chains it to the
// row before. The hash covers a canonical encoding of every field: a JSON array in a fixed order (JSON's
// escaping makes it unambiguous, and the detail is hashed as the exact text stored).
import { hash } from 'node:crypto';
import { z } from 'zod';

/**
 * A lone UTF-16 surrogate cannot be stored as UTF-8: SQLite would keep U+FFFD while the hash was taken over the
 * original, and the row would read as edited. Such text is stored, and hashed, as its UTF-8 round trip.
 */
const Text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .transform((s) => Buffer.from(s, 'utf8').toString('utf8'));

/** Flat on purpose: an audit detail is a few facts, never a client's nested document. */
const DetailValue = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);

const AuditOutcome = z.enum(['ok', 'rejected', 'error']);

export const AuditEntry = z
  .object({
    person: Text(128).nullable(),
    device: Text(128).nullable(),
    peer: Text(128).nullable(),
    action: z.string().regex(/^[a-z][a-zA-Z0-9._-]{0,63}$/),
    target: Text(256).nullable(),
    outcome: AuditOutcome,
    detail: z.record(z.string().max(64), DetailValue).default({}),
  })
  .strict();
export type AuditEntry = z.input<typeof AuditEntry>;

export interface AuditRecord {
  seq: number;
  time: number;
  person: string | null;
  device: string | null;
  peer: string | null;
  action: string;
  target: string | null;
  outcome: string;
  /** The stored JSON text of the detail. */
  detail: string;
  prevHash: string;
  hash: string;
}

/** The detail's stored text: keys sorted, so the same facts always give the same text. */
export function detailText(detail: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(detail).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** The columns the hash covers, in the order of the canonical encoding. */
export const HASHED_COLUMNS = 'seq, time, person, device, peer, action, target, outcome, detail, prev_hash';

/** SHA-256 of the fields in HASHED_COLUMNS order (the last being the previous row's hash). */
export function hashOfFields(fields: readonly unknown[]): string {
  // One-shot crypto.hash: a third of createHash's time, which matters when verify walks a million rows.
  return hash('sha256', JSON.stringify(fields), 'hex');
}

export function rowHash(r: Omit<AuditRecord, 'hash'>): string {
  return hashOfFields([r.seq, r.time, r.person, r.device, r.peer, r.action, r.target, r.outcome, r.detail, r.prevHash]);
}
