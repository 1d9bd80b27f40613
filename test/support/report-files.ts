// Report files as departments send them, written by exceljs (the library the connector reads them with), and
// dropped into a folder the way a copy finishes: written beside it, then renamed in.
import ExcelJS from 'exceljs';
import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type ReportCell = string | number | Date | null;

export interface ReportSheet {
  name?: string;
  rows: ReportCell[][];
  /** Ranges such as "A1:D1". */
  merges?: string[];
}

async function writeReportXlsx(file: string, sheets: ReportSheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = workbook.addWorksheet(s.name ?? `Sheet${i + 1}`);
    for (const row of s.rows) ws.addRow(row);
    for (const range of s.merges ?? []) ws.mergeCells(range);
  });
  await workbook.xlsx.writeFile(file);
}

/** Writes the file outside `folder` and renames it in, as a finished copy appears. */
export async function dropReport(folder: string, name: string, sheets: ReportSheet[]): Promise<void> {
  const staging = join(dirname(folder), `.staging-${basename(name)}`);
  await writeReportXlsx(staging, sheets);
  renameSync(staging, join(folder, name));
}
