// One report file imported: its rows mapped (report-mapping.ts), the rows that name the parts of a merged province
// combined into that province's figure, the figures compared with what the folder already published (the ledger)
// and only the new or corrected ones published. Every refused row becomes a dead letter and a line of the report.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { NewEvent } from '../../event-log.js';
import { INDICATOR_UNITS } from '../../../src/domain/reports/report-unit.js';
import type { ConnectorContext } from '../connector.js';
import type { ImportLedger, LedgerFigure } from './import-ledger.js';
import { type Figure, mapRow, type Refusal, type ResolvedColumns, resolveHeader } from './report-mapping.js';
import { type Cell, ReportFileError, reportRows } from './report-rows.js';
import type { XlsxFolderConfig } from './xlsx-folder-config.js';

/** Events per publish call: a 100,000-row report is not one transaction held in memory. */
const PUBLISH_BATCH = 2000;

interface RefusedRow {
  row: number;
  refusals: Refusal[];
}

export interface ImportResult {
  /** Figures published (new, or a new version). */
  published: number;
  /** Figures the folder had already published with the same value. */
  unchanged: number;
  refusedRows: RefusedRow[];
  /** Why the whole file was refused (no sheet, no header, nothing in it); null when it was read. */
  failure: string | null;
  /** When the same file was imported before. */
  duplicateOf: { name: string; at: number } | null;
}

/** What a dead letter of this connector holds: enough to map the row again on replay. */
export interface DeadRow {
  file: string;
  row: number;
  headers: Cell[];
  cells: Cell[];
}

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

interface Combined {
  figure: Figure;
  /** Old province codes combined so far (the surviving province's own code when the row named it). */
  parts: Set<string>;
  values: number[];
  merged: string[];
}

const figureKey = (f: { province: string; indicator: string; period: string }): string =>
  `${f.province}:${f.indicator}:${f.period}`;

/** Collects a file's figures: a second row for the same figure is a part of a merged province, or refused. */
class FigureSet {
  readonly byKey = new Map<string, Combined>();

  add(f: Figure): Refusal | null {
    const part = f.mergedFrom?.oldCode ?? f.province;
    const held = this.byKey.get(figureKey(f));
    if (!held) {
      this.byKey.set(figureKey(f), {
        figure: f,
        parts: new Set([part]),
        values: [f.value],
        merged: f.mergedFrom ? [f.mergedFrom.oldName] : [],
      });
      return null;
    }
    if (held.parts.has(part)) {
      return { column: f.indicator, reason: 'trùng số liệu của một dòng trước (cùng tỉnh, chỉ tiêu và kỳ)' };
    }
    held.parts.add(part);
    held.values.push(f.value);
    if (f.mergedFrom) held.merged.push(f.mergedFrom.oldName);
    return null;
  }
}

/** Rates of the parts are averaged (plainly: reports rarely carry the weights), amounts are added. */
function combinedValue(c: Combined): number {
  const sum = c.values.reduce((a, b) => a + b, 0);
  return INDICATOR_UNITS[c.figure.indicator].quantity === 'percent' ? sum / c.values.length : sum;
}

/** The events of figures that are new or changed, each with its version in the provenance. */
export function versionedEvents(
  config: XlsxFolderConfig,
  ledger: ImportLedger,
  combined: Iterable<Combined>,
  fileName: string,
  now: number,
): { events: NewEvent[]; ledger: LedgerFigure[]; unchanged: number } {
  const events: NewEvent[] = [];
  const entries: LedgerFigure[] = [];
  let unchanged = 0;
  for (const c of combined) {
    const value = combinedValue(c);
    const key = figureKey(c.figure);
    const held = ledger.figure(key);
    if (held && held.value === value) {
      unchanged++;
      continue;
    }
    const version = (held?.version ?? 0) + 1;
    const notes = [
      config.sourceSystem,
      version > 1 ? `phiên bản ${version}` : null,
      c.merged.length > 0 ? `gộp từ ${c.merged.join(', ')} (trước 1/7/2025)` : null,
      fileName,
    ];
    const { province, indicator, period } = c.figure;
    events.push({
      topic: 'econ.indicators',
      key: `${province}:${indicator}`,
      time: now,
      source: `connector:${config.id}`,
      payload: {
        province,
        indicator,
        value,
        period,
        status: config.status,
        sourceSystem: notes
          .filter((n) => n !== null)
          .join(' · ')
          .slice(0, 120),
      },
    });
    entries.push({ key, value, version });
  }
  return { events, ledger: entries, unchanged };
}

export function combine(figures: readonly Figure[]): Combined[] {
  const set = new FigureSet();
  for (const f of figures) set.add(f);
  return [...set.byKey.values()];
}

const isEmpty = (cells: readonly Cell[]): boolean => cells.every((c) => c === null || String(c).trim() === '');

export async function importReport(
  file: string,
  config: XlsxFolderConfig,
  ledger: ImportLedger,
  ctx: ConnectorContext,
): Promise<ImportResult> {
  const name = basename(file);
  const result: ImportResult = { published: 0, unchanged: 0, refusedRows: [], failure: null, duplicateOf: null };
  const hash = await fileHash(file);
  const earlier = ledger.imported(hash);
  if (earlier) return { ...result, duplicateOf: earlier };

  const figures = new FigureSet();
  let header: { cells: Cell[]; columns: ResolvedColumns } | null = null;
  let dataRows = 0;
  const sheetName = typeof config.sheet === 'number' ? `trang ${config.sheet}` : config.sheet;
  try {
    for await (const row of reportRows(file, config.sheet)) {
      if (row.number < config.headerRow) continue;
      if (row.number === config.headerRow) {
        const resolved = resolveHeader(config, row.cells);
        if (!resolved.ok) return { ...result, failure: resolved.reason };
        header = { cells: row.cells, columns: resolved.columns };
        continue;
      }
      if (!header || isEmpty(row.cells)) continue;
      dataRows++;
      const mapped = mapRow(config, header.columns, row.cells);
      const refusals = [...mapped.refusals];
      for (const f of mapped.figures) {
        const duplicate = figures.add(f);
        if (duplicate) refusals.push(duplicate);
      }
      if (refusals.length === 0) continue;
      result.refusedRows.push({ row: row.number, refusals });
      const dead: DeadRow = { file: name, row: row.number, headers: header.cells, cells: row.cells };
      ctx.deadLetter({
        input: JSON.stringify(dead),
        location: `${name}!${sheetName}:R${row.number}`,
        reason: refusals.map((r) => `cột "${r.column}": ${r.reason}`).join('; '),
      });
    }
  } catch (err) {
    if (err instanceof ReportFileError) return { ...result, failure: err.message };
    return { ...result, failure: `không đọc được tệp: ${(err as Error).message}` };
  }
  if (!header) return { ...result, failure: `trang tính trống: không có dòng tiêu đề ${config.headerRow}` };
  if (dataRows === 0) return { ...result, failure: 'trang tính không có dòng số liệu nào' };

  // Versioned and published a batch at a time: the events of a 100,000-row report are never all in memory.
  const entries: LedgerFigure[] = [];
  let published = 0;
  let unchanged = 0;
  const all = [...figures.byKey.values()];
  figures.byKey.clear();
  for (let k = 0; k < all.length; k += PUBLISH_BATCH) {
    const batch = versionedEvents(config, ledger, all.slice(k, k + PUBLISH_BATCH), name, ctx.now());
    if (batch.events.length > 0) ctx.publish(batch.events);
    entries.push(...batch.ledger);
    published += batch.events.length;
    unchanged += batch.unchanged;
  }
  ledger.commit({ hash, name, at: ctx.now() }, entries);
  return { ...result, published, unchanged };
}
