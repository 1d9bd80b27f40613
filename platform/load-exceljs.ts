// exceljs, loaded on first use: importing it takes about a second of CPU, which every start would pay before its
// first page otherwise — and most starts never read a spreadsheet.
import type ExcelJSModule from 'exceljs';

export async function loadExcelJs(): Promise<typeof ExcelJSModule> {
  return (await import('exceljs')).default;
}
