// The audit rows the console shows, as a file: CSV for a spreadsheet (formulas kept as text) or JSON lines.
import type { AuditRow } from '../../../src/contract/people.js';
import { csvLine } from '../../../src/domain/audit/csv-cell.js';
import { formatDate, formatTime } from '../../../src/i18n/format.js';

const COLUMNS = ['seq', 'time', 'person', 'device', 'peer', 'action', 'target', 'outcome', 'detail'] as const;

/** As the console shows it: dd/MM/yyyy HH:mm:ss in the centre's time zone. */
export function auditTime(ms: number): string {
  return `${formatDate(ms)} ${formatTime(ms)}`;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  return (
    csvLine(COLUMNS) + rows.map((r) => csvLine(COLUMNS.map((c) => (c === 'time' ? auditTime(r.time) : r[c])))).join('')
  );
}

/** One row a line, the time as ISO 8601 (for programs), the detail as the object it holds. */
export function auditJsonl(rows: readonly AuditRow[]): string {
  return rows
    .map((r) => `${JSON.stringify({ ...r, time: new Date(r.time).toISOString(), detail: parsed(r.detail) })}\n`)
    .join('');
}

function parsed(detail: string): unknown {
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return detail;
  }
}
