// A figure as a report's cell holds it: a number, or text typed the Vietnamese way ("1.234,5", "6,5 %") or the
// English way ("1234.5"). Text that is not a number is refused with the text quoted, never read as 0.
export type NumberMatch = { ok: true; value: number } | { ok: false; reason: string };

/** Dots as thousands separators only: "1.234" and "12.345.678", not "1.5". */
const VI_THOUSANDS = /^-?\d{1,3}(\.\d{3})+$/;

export function parseReportNumber(cell: unknown): NumberMatch {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, reason: 'giá trị không hữu hạn' };
  }
  if (typeof cell !== 'string' || cell.trim() === '') return { ok: false, reason: 'ô trống, không có số liệu' };
  let text = cell.trim().replace(/\s*%$/, '').replace(/\s/g, '');
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  else if (VI_THOUSANDS.test(text)) text = text.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, reason: `"${cell.trim().slice(0, 60)}" không phải là số` };
  return { ok: true, value: Number(text) };
}
