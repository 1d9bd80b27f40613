// XLSX import: a 100,000-row department report (written here by exceljs's streaming writer) dropped in the folder of
// a real hub's `xlsx-folder` connector; printed: the file's size, rows/s from the drop to the file's move to done/,
// figures published, and the peak memory (RSS) of this process, which runs the hub. Figures, never pass/fail.
// Needs `npm run build` (it runs the compiled hub). `node bench/xlsx-import.mjs [rows]`.
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConnectorsFile } from '../dist/hub/connectors/connectors-file.js';
import { startHub } from '../dist/hub/hub-server.js';
import { PROVINCES } from '../dist/src/domain/provinces.js';
import { createLogger } from '../dist/platform/logger.js';

const ROWS = Number(process.argv[2] ?? 100_000);

/** A distinct period for every 34 rows: months of 1900–2099, then quarters. */
function periodOf(p) {
  if (p < 2400) return `Tháng ${(p % 12) + 1}/${1900 + Math.floor(p / 12)}`;
  const q = p - 2400;
  return `Quý ${(q % 4) + 1}/${1900 + Math.floor(q / 4)}`;
}

async function writeReport(file) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Báo cáo');
  sheet.addRow(['Tỉnh/Thành phố', 'Kỳ báo cáo', 'Tăng trưởng GRDP', 'Vốn FDI']).commit();
  for (let i = 0; i < ROWS; i++) {
    const p = PROVINCES[i % PROVINCES.length];
    sheet.addRow([p.fullName, periodOf(Math.floor(i / PROVINCES.length)), 5 + (i % 40) / 10, 100 + (i % 900)]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-xlsx-'));
const folder = join(dir, 'bao-cao');
try {
  const staged = join(dir, 'bao-cao-lon.xlsx');
  let t = performance.now();
  await writeReport(staged);
  const writeS = (performance.now() - t) / 1000;
  const bytes = statSync(staged).size;

  const config = join(dir, 'connectors.json');
  const connector = {
    id: 'bench',
    kind: 'xlsx-folder',
    folder,
    pollSeconds: 0.2,
    sourceSystem: 'Bench',
    provinceColumn: 'Tỉnh/Thành phố',
    periodColumn: 'Kỳ báo cáo',
    columns: [
      { column: 'Tăng trưởng GRDP', indicator: 'gdp_growth', unit: '%' },
      { column: 'Vốn FDI', indicator: 'fdi', unit: 'triệu USD' },
    ],
  };
  writeFileSync(config, JSON.stringify({ connectors: [connector] }));
  const hub = await startHub({
    port: 0,
    logFile: join(dir, 'hub-events.sqlite'),
    demo: false,
    version: 'bench',
    logger: createLogger('hub', 'error'),
    retention: { 'econ.indicators': { maxAgeMs: 365 * 86_400_000, maxEvents: 10_000_000 } },
    connectors: readConnectorsFile(config),
  });
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  t = performance.now();
  renameSync(staged, join(folder, 'bao-cao-lon.xlsx'));
  const report = join(folder, 'done', 'bao-cao-lon.xlsx.bao-cao.txt');
  while (!existsSync(report)) await new Promise((r) => setTimeout(r, 50));
  const importS = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const status = hub.status().connectors[0];
  await hub.close();

  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  console.log('XLSX import (xlsx-folder connector, streamed with exceljs WorkbookReader)');
  console.log(`  rows                 ${ROWS.toLocaleString('en')}`);
  console.log(`  file                 ${mb(bytes)} MB (written in ${writeS.toFixed(1)} s)`);
  console.log(`  import               ${importS.toFixed(1)} s from drop to done/ (includes up to 2 polls of 0.2 s)`);
  console.log(`  rows/s               ${Math.round(ROWS / importS).toLocaleString('en')}`);
  console.log(`  figures published    ${status.accepted.toLocaleString('en')}, rows refused ${status.refused}`);
  console.log(`  peak RSS             ${mb(peakRss)} MB (hub at rest before the drop: ${mb(baseRss)} MB)`);
  console.log(`  report               ${readFileSync(report, 'utf8').split('\n')[3]}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
