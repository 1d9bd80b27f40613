// The reporting period a report's cell names, in the form the indicator events carry (src/contract/topics.ts):
// "Tháng 10/2025", "10/2025" → 2025-10; "Quý III/2025", "Q3/2025" → 2025-Q3; "6 tháng đầu năm 2025" → 2025-H1,
// "6 tháng cuối năm 2025" → 2025-H2; "Năm 2025" → 2025-Y. A date cell is its month.
import { foldText } from './folded-text.js';

export type PeriodMatch = { ok: true; period: string } | { ok: false; reason: string };

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const YEAR = '((?:19|20)\\d{2})';
const SEP = '\\s*(?:/|nam|\\s)\\s*';

const FORMS: readonly { pattern: RegExp; period: (m: RegExpExecArray) => string | null }[] = [
  { pattern: new RegExp(`^(?:thang\\s*)?(\\d{1,2})${SEP}${YEAR}$`), period: (m) => month(m[2]!, m[1]!) },
  { pattern: new RegExp(`^${YEAR}\\s*(\\d{1,2})$`), period: (m) => month(m[1]!, m[2]!) },
  {
    pattern: new RegExp(`^(?:quy|q)\\s*(i{1,3}|iv|[1-4])${SEP}${YEAR}$`),
    period: (m) => `${m[2]}-Q${ROMAN[m[1]!] ?? Number(m[1])}`,
  },
  { pattern: new RegExp(`^${YEAR}\\s*q\\s*([1-4])$`), period: (m) => `${m[1]}-Q${m[2]}` },
  { pattern: new RegExp(`^6 thang(?: dau)?(?: nam)?\\s*${YEAR}$`), period: (m) => `${m[1]}-H1` },
  { pattern: new RegExp(`^6 thang cuoi(?: nam)?\\s*${YEAR}$`), period: (m) => `${m[1]}-H2` },
  { pattern: new RegExp(`^${YEAR}\\s*h\\s*([12])$`), period: (m) => `${m[1]}-H${m[2]}` },
  { pattern: new RegExp(`^(?:nam\\s*)?${YEAR}(?:\\s*y)?$`), period: (m) => `${m[1]}-Y` },
];

function month(year: string, m: string): string | null {
  const n = Number(m);
  return n >= 1 && n <= 12 ? `${year}-${String(n).padStart(2, '0')}` : null;
}

export function parsePeriod(cell: string | Date): PeriodMatch {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, reason: 'ngày không hợp lệ' };
    return { ok: true, period: `${cell.getUTCFullYear()}-${String(cell.getUTCMonth() + 1).padStart(2, '0')}` };
  }
  const text = foldText(cell);
  for (const form of FORMS) {
    const m = form.pattern.exec(text);
    const period = m && form.period(m);
    if (period) return { ok: true, period };
  }
  return {
    ok: false,
    reason: `không hiểu kỳ báo cáo "${cell.trim().slice(0, 60)}" (ví dụ: "Tháng 10/2025", "Quý III/2025", "6 tháng đầu năm 2025", "Năm 2025")`,
  };
}
