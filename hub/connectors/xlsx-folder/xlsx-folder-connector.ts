// The `xlsx-folder` connector: a drop folder the departments put their monthly .xlsx/.csv reports in. Polled every
// few seconds; a file is taken once its size and time have stopped changing (still being copied otherwise), imported
// (report-import.ts), then moved — never deleted — to done/ (read, even if some rows were refused) or failed/ (not
// readable as the mapping expects), with its report beside it.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { extname, join, parse } from 'node:path';
import type { ConnectorContext, ConnectorKind, DeadLetter, RunningConnector } from '../connector.js';
import { ImportLedger } from './import-ledger.js';
import { importReportText, writeImportReport } from './import-report-file.js';
import { mapRow, resolveHeader } from './report-mapping.js';
import { combine, type DeadRow, importReport, versionedEvents } from './report-import.js';
import { XlsxFolderConfig } from './xlsx-folder-config.js';

const REPORT_EXTENSIONS = new Set(['.xlsx', '.csv']);

/** Excel's lock files (~$name.xlsx) and hidden files are not reports. */
const isReport = (name: string): boolean =>
  REPORT_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('~$') && !name.startsWith('.');

/** A name in `dir` not taken yet: the original, else with the time added. */
function freeName(dir: string, name: string, now: number): string {
  if (!existsSync(join(dir, name))) return name;
  const { name: stem, ext } = parse(name);
  return `${stem}-${new Date(now).toISOString().replace(/[:.]/g, '-')}${ext}`;
}

function startXlsxFolder(config: XlsxFolderConfig, ctx: ConnectorContext): RunningConnector {
  const done = join(config.folder, 'done');
  const failed = join(config.folder, 'failed');
  for (const dir of [config.folder, done, failed]) mkdirSync(dir, { recursive: true });
  const ledger = new ImportLedger(config.folder);
  const totals = { accepted: 0, refused: 0 };
  const seen = new Map<string, string>();
  const periodMs = config.pollSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function importOne(name: string): Promise<void> {
    const file = join(config.folder, name);
    const result = await importReport(file, config, ledger, ctx);
    const now = ctx.now();
    const dest = result.failure ? failed : done;
    const kept = freeName(dest, name, now);
    renameSync(file, join(dest, kept));
    writeImportReport(join(dest, `${kept}.bao-cao.txt`), importReportText(name, config.sourceSystem, now, result));
    totals.accepted += result.published;
    totals.refused += result.refusedRows.length;
    ctx.report({ ...totals, lastError: result.failure && `${name}: ${result.failure}` });
    ctx.logger.info('report imported', {
      connector: config.id,
      file: name,
      published: result.published,
      unchanged: result.unchanged,
      refusedRows: result.refusedRows.length,
      failure: result.failure,
      duplicate: result.duplicateOf !== null,
    });
  }

  async function poll(): Promise<void> {
    const now = ctx.now();
    try {
      const names = readdirSync(config.folder).filter(isReport);
      for (const name of names) {
        const st = statSync(join(config.folder, name));
        if (!st.isFile()) continue;
        const mark = `${st.size}:${st.mtimeMs}`;
        // Taken only once unchanged since the last look: a file still being copied changes.
        if (seen.get(name) !== mark) {
          seen.set(name, mark);
          continue;
        }
        seen.delete(name);
        if (stopped) return;
        await importOne(name);
      }
      for (const name of seen.keys()) if (!names.includes(name)) seen.delete(name);
    } catch (err) {
      ctx.report({ lastError: (err as Error).message });
      ctx.logger.warn('drop folder poll failed', { connector: config.id, error: String(err) });
    }
    ctx.report({ lastRunAt: now, nextRunAt: ctx.now() + periodMs });
  }

  const schedule = (): void => {
    timer = setTimeout(() => {
      running = poll().finally(() => {
        if (!stopped) schedule();
      });
    }, periodMs);
  };
  ctx.report({ nextRunAt: ctx.now() + periodMs });
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      ledger.close();
    },
    replay(letter: DeadLetter) {
      let dead: DeadRow;
      try {
        dead = JSON.parse(letter.input) as DeadRow;
      } catch {
        return { ok: false, reason: 'thư lỗi không đọc được' };
      }
      const header = resolveHeader(config, dead.headers);
      if (!header.ok) return { ok: false, reason: header.reason };
      const mapped = mapRow(config, header.columns, dead.cells);
      if (mapped.refusals.length > 0) {
        return { ok: false, reason: mapped.refusals.map((r) => `cột "${r.column}": ${r.reason}`).join('; ') };
      }
      const now = ctx.now();
      const versioned = versionedEvents(config, ledger, combine(mapped.figures), `${dead.file} (xử lý lại)`, now);
      ledger.commit(null, versioned.ledger);
      return { ok: true, events: versioned.events };
    },
  };
}

export const XLSX_FOLDER: ConnectorKind<XlsxFolderConfig> = {
  config: XlsxFolderConfig,
  start: startXlsxFolder,
};
