// The rows of a report file, one at a time: an .xlsx streamed with exceljs's WorkbookReader (a 100,000-row file is
// never held whole), a .csv parsed by exceljs as text. Cells come out as numbers, text or null; a date cell as its
// month ("10/2025"), since in a report a date only ever says a period.
import { extname } from 'node:path';
import { loadExcelJs } from '../../../platform/load-exceljs.js';

export type Cell = string | number | null;

export interface ReportRow {
  /** 1-based, as Excel numbers rows. */
  number: number;
  /** Index 0 is column A. */
  cells: Cell[];
}

export class ReportFileError extends Error {}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `${value.getUTCMonth() + 1}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellOf(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

/** row.values of exceljs is 1-based with a hole at 0. */
function cellsOf(values: unknown): Cell[] {
  if (!Array.isArray(values)) return [];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellOf(values[i + 1]));
}

/** The sheet exceljs's stream reader is reading: its name and position, set from the workbook's own list. */
interface SheetIdentity {
  id: number;
  name: string;
}

async function* xlsxRows(file: string, sheet: string | number): AsyncGenerator<ReportRow> {
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let found = false;
  let position = 0;
  for await (const worksheet of reader) {
    position++;
    const { name } = worksheet as unknown as SheetIdentity;
    const wanted = typeof sheet === 'number' ? position === sheet : name.trim() === sheet.trim();
    if (!wanted || found) continue; // the rest of the file must still be read through
    found = true;
    for await (const row of worksheet) yield { number: row.number, cells: cellsOf(row.values) };
  }
  if (!found)
    throw new ReportFileError(`không có trang tính ${typeof sheet === 'number' ? `thứ ${sheet}` : `"${sheet}"`}`);
}

async function* csvRows(file: string): AsyncGenerator<ReportRow> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  // Every cell as text: exceljs would otherwise read "10/2025" as a date of its own choosing.
  const worksheet = await workbook.csv.readFile(file, { map: (value: unknown) => value });
  for (let n = 1; n <= worksheet.rowCount; n++) yield { number: n, cells: cellsOf(worksheet.getRow(n).values) };
}

export function reportRows(file: string, sheet: string | number): AsyncGenerator<ReportRow> {
  return extname(file).toLowerCase() === '.csv' ? csvRows(file) : xlsxRows(file, sheet);
}
