// A report's rows read through the connector's mapping: the header row tells which column is which, then each row
// gives a figure per mapped column — or, per cell, why not (in Vietnamese, for the import report and the dead
// letters). Pure: no file, no hub.
import type { IndicatorId } from '../../../src/contract/topics.js';
import { foldText } from '../../../src/domain/reports/folded-text.js';
import { matchProvince } from '../../../src/domain/reports/province-match.js';
import { parseReportNumber } from '../../../src/domain/reports/report-number.js';
import { parsePeriod } from '../../../src/domain/reports/report-period.js';
import { parseUnit, type ReportUnit, toIndicatorUnit } from '../../../src/domain/reports/report-unit.js';
import type { Cell } from './report-rows.js';
import type { XlsxFolderConfig } from './xlsx-folder-config.js';

export interface Figure {
  province: string;
  indicator: IndicatorId;
  period: string;
  value: number;
  /** The pre-2025 province the row named, when it is now part of another. */
  mergedFrom: { oldCode: string; oldName: string } | null;
}

export interface Refusal {
  /** The column's header as the file writes it (or its letter). */
  column: string;
  reason: string;
}

export interface MappedRow {
  figures: Figure[];
  refusals: Refusal[];
}

/** Where each mapped field is: column indexes (0: A). */
export interface ResolvedColumns {
  headers: string[];
  province: number;
  period: number | null;
  values: { index: number; indicator: IndicatorId; unit: ReportUnit; unitIndex: number | null }[];
}

export type HeaderMatch = { ok: true; columns: ResolvedColumns } | { ok: false; reason: string };

function letterIndex(column: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(column)) return null;
  return [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** Resolves the mapping's columns against the header row; every column the mapping names must be there. */
export function resolveHeader(config: XlsxFolderConfig, headerCells: readonly Cell[]): HeaderMatch {
  const headers = headerCells.map((c) => (c === null ? '' : String(c).trim()));
  const folded = headers.map(foldText);
  const missing: string[] = [];
  const find = (column: string): number => {
    const byHeader = folded.indexOf(foldText(column));
    const index = byHeader >= 0 ? byHeader : letterIndex(column);
    if (index === null) missing.push(column);
    return index ?? -1;
  };
  const province = find(config.provinceColumn);
  const period = config.periodColumn === undefined ? null : find(config.periodColumn);
  const values = config.columns.map((c) => ({
    index: find(c.column),
    indicator: c.indicator,
    unit: parseUnit(c.unit)!,
    unitIndex: c.unitColumn === undefined ? null : find(c.unitColumn),
  }));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `dòng tiêu đề ${config.headerRow} không có cột ${missing.map((m) => `"${m}"`).join(', ')}`,
    };
  }
  return { ok: true, columns: { headers, province, period, values } };
}

const nameOf = (columns: ResolvedColumns, index: number): string =>
  columns.headers[index] || String.fromCharCode(65 + (index % 26));

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : String(cell));

/** The unit of a figure: its row's, when the mapping has a unit column for it and the row fills it in. */
function rowUnit(
  columns: ResolvedColumns,
  v: ResolvedColumns['values'][number],
  cells: readonly Cell[],
): { ok: true; unit: ReportUnit } | { ok: false; refusal: Refusal } {
  const written = v.unitIndex === null ? '' : text(cells[v.unitIndex]).trim();
  if (written === '' || v.unitIndex === null) return { ok: true, unit: v.unit };
  const unit = parseUnit(written);
  if (unit) return { ok: true, unit };
  return { ok: false, refusal: { column: nameOf(columns, v.unitIndex), reason: `không hiểu đơn vị "${written}"` } };
}

/** A data row's figures; a row whose province or period is wrong gives none, a bad cell only loses its figure. */
export function mapRow(config: XlsxFolderConfig, columns: ResolvedColumns, cells: readonly Cell[]): MappedRow {
  const refusals: Refusal[] = [];
  const province = matchProvince(text(cells[columns.province]));
  if (!province.ok) refusals.push({ column: nameOf(columns, columns.province), reason: province.reason });
  const period = parsePeriod(columns.period === null ? (config.period ?? '') : text(cells[columns.period]));
  if (!period.ok) refusals.push({ column: nameOf(columns, columns.period ?? columns.province), reason: period.reason });
  if (!province.ok || !period.ok) return { figures: [], refusals };

  const figures: Figure[] = [];
  for (const v of columns.values) {
    const column = nameOf(columns, v.index);
    const number = parseReportNumber(cells[v.index] ?? null);
    if (!number.ok) {
      refusals.push({ column, reason: number.reason });
      continue;
    }
    const unit = rowUnit(columns, v, cells);
    if (!unit.ok) {
      refusals.push(unit.refusal);
      continue;
    }
    const converted = toIndicatorUnit(number.value, unit.unit, v.indicator);
    if (!converted.ok) {
      refusals.push({ column, reason: converted.reason });
      continue;
    }
    figures.push({
      province: province.code,
      indicator: v.indicator,
      period: period.period,
      value: converted.value,
      mergedFrom: province.merged,
    });
  }
  return { figures, refusals };
}
