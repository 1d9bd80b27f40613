// CSV as spreadsheets read it (RFC 4180 quoting), and safe to open: a cell a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) is prefixed with ' so it stays text. Audit rows carry text
// people typed (notes, preset names), so an export must never turn one into a formula.

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
