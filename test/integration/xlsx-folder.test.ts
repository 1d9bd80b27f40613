// The departments' Excel reports, end to end: a real hub on loopback with its SQLite file runs an `xlsx-folder`
// connector from a connectors file; reports written by exceljs are dropped in its folder; what reaches the hub's
// log, the report written beside each file, the files moved to done/ or failed/, the dead letters and their replay
// by an admin's command are read back as an operator would find them.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorsFileError, readConnectorsFile } from '../../hub/connectors/connectors-file.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { DeadLettersResponse } from '../../src/contract/connector-status.js';
import { CommandResponse, HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import { IndicatorPayload } from '../../src/contract/topics.js';
import { PROVINCES } from '../../src/domain/provinces.js';
import { consoleOperator, type Operator } from '../support/hub-identity.js';
import { dropReport, type ReportCell } from '../support/report-files.js';
import { until } from '../support/start-test-host.js';

let dir: string;
let folder: string;
let hub: RunningHub;
let admin: Operator;

const CONFIG = {
  id: 'so-tai-chinh',
  kind: 'xlsx-folder',
  sourceSystem: 'Sở Tài chính',
  pollSeconds: 0.2,
  headerRow: 2,
  provinceColumn: 'Tỉnh/Thành phố',
  periodColumn: 'Kỳ báo cáo',
  columns: [
    { column: 'Tăng trưởng GRDP', indicator: 'gdp_growth', unit: '%' },
    { column: 'Vốn FDI', indicator: 'fdi', unit: 'triệu USD', unitColumn: 'Đơn vị FDI' },
  ],
};
const HEADER: ReportCell[] = ['Tỉnh/Thành phố', 'Kỳ báo cáo', 'Tăng trưởng GRDP', 'Vốn FDI', 'Đơn vị FDI'];
const TITLE: ReportCell[] = ['BÁO CÁO KINH TẾ - XÃ HỘI', null, null, null, null];

interface Logged {
  key: string;
  source: string;
  payload: IndicatorPayload;
}

function indicatorEvents(): Logged[] {
  const db = new Database(join(dir, 'hub-events.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT key, source, payload FROM events WHERE topic = 'econ.indicators' ORDER BY offset`)
      .all() as { key: string; source: string; payload: string }[];
    return rows.map((r) => ({ ...r, payload: IndicatorPayload.parse(JSON.parse(r.payload)) }));
  } finally {
    db.close();
  }
}

/** Waits until the file has been moved out of the drop folder; returns where to and its report's text. */
async function imported(name: string): Promise<{ where: 'done' | 'failed'; report: string }> {
  const where = await until(`${name} imported`, () =>
    (['done', 'failed'] as const).find((d) => existsSync(join(folder, d, `${name}.bao-cao.txt`))),
  );
  return { where, report: readFileSync(join(folder, where, `${name}.bao-cao.txt`), 'utf8') };
}

const connectorStatus = () => hub.status().connectors.find((c) => c.id === CONFIG.id)!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-xlsx-'));
  folder = join(dir, 'bao-cao');
  const file = join(dir, 'connectors.json');
  writeFileSync(file, JSON.stringify({ connectors: [{ ...CONFIG, folder }] }));
  hub = await startHub({
    port: 0,
    logFile: join(dir, 'hub-events.sqlite'),
    demo: false,
    version: 'test',
    logger: createLogger('hub', 'warn'),
    connectors: readConnectorsFile(file),
  });
  admin = await consoleOperator(hub, 'console-admin', ['admin']);
});

afterAll(async () => {
  admin?.socket.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('xlsx-folder connector', () => {
  it('refuses a connectors file with a bad field, naming it', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ connectors: [{ ...CONFIG, folder, columns: [{ column: 'X', indicator: 'gdp', unit: '%' }] }] }),
    );
    expect(() => readConnectorsFile(bad)).toThrow(ConnectorsFileError);
    expect(() => readConnectorsFile(bad)).toThrow(/connectors\[0\]\.columns\[0\]\.indicator/);
    writeFileSync(bad, JSON.stringify({ connectors: [{ id: 'x', kind: 'ftp' }] }));
    expect(() => readConnectorsFile(bad)).toThrow(/connectors\[0\]\.kind/);
  });

  it('imports the 34 provinces named every way a report writes them, under a merged title row', async () => {
    const spellings = PROVINCES.map(
      (p, i) =>
        [
          p.name,
          p.fullName.toUpperCase(),
          p.nameEn,
          p.code,
          p.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase(),
        ][i % 5]!,
    );
    await dropReport(folder, 'thang-10.xlsx', [
      {
        name: 'Báo cáo',
        rows: [TITLE, HEADER, ...spellings.map((s, i) => [s, 'Tháng 10/2025', 5 + i / 10, 100 + i, 'triệu USD'])],
        merges: ['A1:E1'],
      },
    ]);
    const { where, report } = await imported('thang-10.xlsx');
    expect(where).toBe('done');
    expect(report).toContain('đã nhận 68 số liệu mới');
    expect(report).toContain('từ chối 0 dòng');
    const events = indicatorEvents();
    expect(new Set(events.map((e) => e.payload.province))).toEqual(new Set(PROVINCES.map((p) => p.code)));
    expect(events).toHaveLength(68);
    expect(events[0]).toMatchObject({
      source: 'connector:so-tai-chinh',
      payload: { period: '2025-10', status: 'official' },
    });
    expect(readdirSync(folder).filter((f) => f.endsWith('.xlsx'))).toEqual([]);
    expect(existsSync(join(folder, 'done', 'thang-10.xlsx'))).toBe(true);
  });

  it('lands pre-2025 provinces on their new one, combined, with the merge in the provenance', async () => {
    await dropReport(folder, 'quy-3-cu.xlsx', [
      {
        rows: [
          TITLE,
          HEADER,
          ['Bình Dương', 'Quý III/2025', 8, 300, 'triệu USD'],
          ['Tỉnh Bà Rịa - Vũng Tàu', 'Quý III/2025', 6, 200, 'triệu USD'],
          ['TP. Hồ Chí Minh', 'Quý III/2025', 7, 1, 'tỷ USD'],
          ['ha giang', 'Quý III/2025', 5.5, 10, 'triệu USD'],
        ],
      },
    ]);
    const { where, report } = await imported('quy-3-cu.xlsx');
    expect(where).toBe('done');
    expect(report).toContain('từ chối 0 dòng');
    const q3 = indicatorEvents().filter((e) => e.payload.period === '2025-Q3');
    const hcmFdi = q3.find((e) => e.key === '79:fdi')!;
    expect(hcmFdi.payload.value).toBe(1500); // 300 + 200 + 1 tỷ USD
    expect(hcmFdi.payload.sourceSystem).toContain('gộp từ Bình Dương, Bà Rịa - Vũng Tàu');
    expect(q3.find((e) => e.key === '79:gdp_growth')!.payload.value).toBe(7);
    expect(q3.find((e) => e.key === '08:fdi')!.payload.sourceSystem).toContain('gộp từ Hà Giang');
  });

  it('refuses wrong units, text in number cells, unknown provinces and periods — each named in the report', async () => {
    const before = indicatorEvents().length;
    await dropReport(folder, 'co-loi.xlsx', [
      {
        rows: [
          TITLE,
          HEADER,
          ['Hà Nội', '6 tháng đầu năm 2025', 6.1, 1200, 'triệu USD'],
          ['Huế', '6 tháng đầu năm 2025', 5.2, 80, 'tỷ đồng'],
          ['Đà Nẵng', '6 tháng đầu năm 2025', 'chưa có', 95, 'triệu USD'],
          ['Atlantis', '6 tháng đầu năm 2025', 4, 1, 'triệu USD'],
          ['Cần Thơ', 'hôm qua', 4, 1, 'triệu USD'],
        ],
        merges: ['A1:E1'],
      },
    ]);
    const { where, report } = await imported('co-loi.xlsx');
    expect(where).toBe('done');
    expect(report).toContain('từ chối 4 dòng');
    expect(report).toContain('Dòng 4, cột "Vốn FDI": đơn vị "tỷ đồng" không quy đổi được sang "triệu USD"');
    expect(report).toContain('Dòng 5, cột "Tăng trưởng GRDP": "chưa có" không phải là số');
    expect(report).toContain('Dòng 6, cột "Tỉnh/Thành phố": không nhận ra tỉnh, thành phố "Atlantis"');
    expect(report).toContain('Dòng 7, cột "Kỳ báo cáo": không hiểu kỳ báo cáo "hôm qua"');
    // Hà Nội's two, Huế's growth, Đà Nẵng's FDI.
    expect(indicatorEvents().length - before).toBe(4);
    expect(connectorStatus()).toMatchObject({ refused: 4, deadLetters: 4, lastError: null });
  });

  it('moves an empty sheet to failed/, saying why', async () => {
    await dropReport(folder, 'trong.xlsx', [{ rows: [] }]);
    const { where, report } = await imported('trong.xlsx');
    expect(where).toBe('failed');
    expect(report).toContain('trang tính trống');
    expect(connectorStatus().lastError).toContain('trong.xlsx');
  });

  it('publishes nothing new for the same file twice, and only the corrections of a corrected file', async () => {
    const rows = (hcm: number): ReportCell[][] => [
      TITLE,
      HEADER,
      ['Hà Nội', 'Năm 2025', 7.1, 3000, 'triệu USD'],
      ['TP Hồ Chí Minh', 'Năm 2025', 8.2, hcm, 'triệu USD'],
    ];
    await dropReport(folder, 'nam-2025.xlsx', [{ rows: rows(5000) }]);
    await imported('nam-2025.xlsx');
    const after1 = indicatorEvents().length;
    await dropReport(folder, 'nam-2025-gui-lai.xlsx', [{ rows: rows(5000) }]);
    // exceljs stamps the time into the file: the same figures in another file are still nothing new.
    const second = await imported('nam-2025-gui-lai.xlsx');
    expect(second.report).toMatch(/đã nhận 0 số liệu mới|đã được nhập/);
    expect(indicatorEvents().length).toBe(after1);

    await dropReport(folder, 'nam-2025-sua.xlsx', [{ rows: rows(5200) }]);
    const corrected = await imported('nam-2025-sua.xlsx');
    expect(corrected.report).toContain('đã nhận 1 số liệu mới hoặc đã sửa, 3 số liệu không đổi');
    const last = indicatorEvents().at(-1)!;
    expect(last).toMatchObject({ key: '79:fdi', payload: { value: 5200, period: '2025-Y' } });
    expect(last.payload.sourceSystem).toContain('phiên bản 2');
  });

  it('moves the very same file dropped again to done/ with a report that says so', async () => {
    await dropReport(folder, 'lan-1.xlsx', [{ rows: [TITLE, HEADER, ['Cà Mau', 'Tháng 9/2025', 4, 2, '']] }]);
    await imported('lan-1.xlsx');
    const count = indicatorEvents().length;
    const copy = readFileSync(join(folder, 'done', 'lan-1.xlsx'));
    writeFileSync(join(folder, 'lan-2.xlsx'), copy);
    const { where, report } = await imported('lan-2.xlsx');
    expect(where).toBe('done');
    expect(report).toContain('tệp này đã được nhập lúc');
    expect(indicatorEvents().length).toBe(count);
  });

  it('lets an admin read the dead letters, and no one else', async () => {
    const ask = async (o: Operator) =>
      DeadLettersResponse.parse(
        await o.socket.timeout(10_000).emitWithAck(HUB_EVENTS.deadLetters, {
          connectorId: CONFIG.id,
          accessToken: o.grant.accessToken,
        }),
      );
    const answer = await ask(admin);
    expect(answer.ok && answer.letters.map((l) => l.location)).toContain('co-loi.xlsx!trang 1:R6');
    const operator = await consoleOperator(hub, 'console-op', ['operator']);
    try {
      expect(await ask(operator)).toEqual({ ok: false, error: 'only an admin may read the dead letters' });
    } finally {
      operator.socket.close();
    }
  });

  it("lets an admin replay a dead letter once it can be read, audited as the admin's command", async () => {
    const dead = new Database(join(dir, 'hub-events.sqlite'), { readonly: true });
    const letter = dead
      .prepare(`SELECT id, reason FROM dead_letters WHERE connector = ? AND reason LIKE '%Atlantis%'`)
      .get(CONFIG.id) as { id: number; reason: string };
    dead.close();
    const send = async (key: string) =>
      CommandResponse.parse(
        await admin.socket.timeout(10_000).emitWithAck(HUB_EVENTS.command, {
          key,
          name: 'connector.replay',
          args: { connectorId: CONFIG.id, deadLetterId: letter.id },
          issuedAt: Date.now(),
          session: admin.grant.accessToken,
        }),
      );
    const answer = await send('replay-atlantis-1');
    // Still no such province: refused again, with the reason.
    expect(answer).toMatchObject({
      ok: true,
      result: { status: 'rejected', message: expect.stringContaining('Atlantis') },
    });
    const unknown = CommandResponse.parse(
      await admin.socket.timeout(10_000).emitWithAck(HUB_EVENTS.command, {
        key: 'replay-missing-1',
        name: 'connector.replay',
        args: { connectorId: CONFIG.id, deadLetterId: 999_999 },
        issuedAt: Date.now(),
        session: admin.grant.accessToken,
      }),
    );
    expect(unknown).toMatchObject({ ok: true, result: { status: 'rejected', reason: 'not-found' } });
    const audit = new Database(join(dir, 'hub-events.sqlite'), { readonly: true });
    const rows = audit.prepare(`SELECT person, target FROM audit_log WHERE action = 'connector.replay'`).all();
    audit.close();
    expect(rows).toEqual([
      { person: 'console-admin.op', target: 'connector:so-tai-chinh' },
      { person: 'console-admin.op', target: 'connector:so-tai-chinh' },
    ]);
  });
});
