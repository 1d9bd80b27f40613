// The report written next to an imported file (in done/ or failed/): what was accepted, and each refused row with
// its column and the reason, in Vietnamese, for the department that sent the file.
import { writeFileSync } from 'node:fs';
import { formatDate, formatTime } from '../../../src/i18n/format.js';
import type { ImportResult } from './report-import.js';

export function importReportText(fileName: string, sourceSystem: string, at: number, r: ImportResult): string {
  const lines = [
    `Báo cáo nhập tệp: ${fileName}`,
    `Nguồn: ${sourceSystem}`,
    `Thời điểm: ${formatDate(at)} ${formatTime(at)}`,
  ];
  if (r.duplicateOf) {
    const when = `${formatDate(r.duplicateOf.at)} ${formatTime(r.duplicateOf.at)}`;
    lines.push(`Kết quả: tệp này đã được nhập lúc ${when} (tên ${r.duplicateOf.name}); không có số liệu mới.`);
  } else if (r.failure) {
    lines.push(`Kết quả: không nhập được tệp: ${r.failure}.`);
  } else {
    lines.push(
      `Kết quả: đã nhận ${r.published} số liệu mới hoặc đã sửa, ${r.unchanged} số liệu không đổi; ` +
        `từ chối ${r.refusedRows.length} dòng.`,
    );
  }
  if (r.refusedRows.length > 0) {
    lines.push('', 'Các dòng bị từ chối:');
    for (const row of r.refusedRows) {
      for (const refusal of row.refusals) lines.push(`Dòng ${row.row}, cột "${refusal.column}": ${refusal.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function writeImportReport(file: string, text: string): void {
  writeFileSync(file, text, { encoding: 'utf8', mode: 0o644 });
}
