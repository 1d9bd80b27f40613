// The audit log as files for people outside the hub: JSON lines (one row a line, the detail as an object) or
// CSV for a spreadsheet. Both carry seq and both hashes, so an export can be checked against the chain later.
import { csvLine } from '../../src/domain/audit/csv-cell.js';
import type { AuditRecord } from './audit-entry.js';

export type ExportFormat = 'jsonl' | 'csv';

const COLUMNS = [
  'seq',
  'time',
  'person',
  'device',
  'peer',
  'action',
  'target',
  'outcome',
  'detail',
  'prevHash',
  'hash',
] as const;

type Fields = Record<(typeof COLUMNS)[number], string | number | null>;

/** In COLUMNS order, so JSON lines read the same as the CSV's columns. */
function fields(r: AuditRecord): Fields {
  return Object.fromEntries(COLUMNS.map((c) => [c, c === 'time' ? new Date(r.time).toISOString() : r[c]])) as Fields;
}

export function exportHeader(format: ExportFormat): string | undefined {
  return format === 'csv' ? `${COLUMNS.join(',')}\r\n` : undefined;
}

export function exportLine(r: AuditRecord, format: ExportFormat): string {
  const f = fields(r);
  if (format === 'jsonl') return `${JSON.stringify({ ...f, detail: JSON.parse(r.detail) as unknown })}\n`;
  return csvLine(COLUMNS.map((c) => f[c]));
}
