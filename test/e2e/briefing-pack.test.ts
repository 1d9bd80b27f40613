// The briefing pack end to end: the demo host (embedded hub, demo data and presets) prints a briefing of three
// scenes with its headless Chromium; the PDF is read with poppler's tools — a title page and a page per scene,
// Vietnamese text with its diacritics, the provenance lines, the classification, fonts embedded — and its pages
// are rendered to PNG to be looked at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackFile } from '../../src/contract/briefing-pack.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { call } from '../support/bridge-client.js';
import { type CliRun, REPO } from '../support/cli-process.js';
import { startHeadlessApp } from '../support/headless-app.js';

const shots = join(REPO, 'test-results', 'briefing-pack');
const HOUR = 3_600_000;
let app: CliRun;
let bridge: Socket;
let pdf: string;
let pack: PackFile;
const ASKED = Math.floor((Date.now() - 2 * HOUR) / 60_000) * 60_000;

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'ioc-pack-'));
  ({ app, bridge } = await startHeadlessApp(['--data-dir', join(dir, 'data')]));
  // The demo's history reaches two hours back once it has run a little; the cache is filled from the hub's replay.
  await new Promise((r) => setTimeout(r, 3000));
  const r = await call(
    bridge,
    'briefingPack',
    {
      name: 'Giao ban kinh tế – xã hội tháng 11',
      presenter: 'Đồng chí Phó Chủ tịch',
      classification: 'confidential',
      scenes: [
        { title: 'Tổng quan buổi sáng', presetId: 'giao-ban-sang', notes: 'Nhấn mạnh giải ngân vốn đầu tư công.' },
        { title: 'Ứng phó thiên tai', presetId: 'ung-pho-khan-cap', asOf: ASKED },
        { title: 'Nhiệm vụ Chính phủ giao', presetId: 'theo-doi-nhiem-vu' },
      ],
    },
    150_000,
  );
  if (!r.ok) throw new Error(r.error.message);
  pack = PackFile.parse(r.result);
  pdf = join(shots, 'tai-lieu-hop.pdf');
  writeFileSync(pdf, Buffer.from(pack.pdfBase64, 'base64'));
}, 180_000);

afterAll(async () => {
  bridge?.close();
  await app?.stop();
});

describe('the briefing pack', () => {
  it('has a title page and one A4 landscape page per scene', () => {
    const info = run('pdfinfo', pdf);
    expect(info).toMatch(/^Pages:\s+4$/m);
    expect(pack.pages).toBe(4);
    // A4 landscape: 842 × 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts \(A4\)/);
  });

  it('holds the Vietnamese text with its diacritics, each scene’s time, the provenance and the classification', () => {
    const text = run('pdftotext', '-layout', pdf, '-');
    const pages = text.split('\f');
    expect(pages[0]).toContain('Giao ban kinh tế – xã hội tháng 11');
    expect(pages[0]).toContain('Người trình bày: Đồng chí Phó Chủ tịch');
    expect(pages[2]).toContain('Ứng phó thiên tai');
    expect(pages[2]).toContain(`Số liệu tại thời điểm ${formatDateTime(ASKED)}`);
    expect(pages[1]).toContain('Nhấn mạnh giải ngân vốn đầu tư công.');
    for (const [i, page] of pages.slice(0, 4).entries()) {
      expect(page).toContain('Mật');
      expect(page).toContain(`Trang ${i + 1}/4`);
    }
    for (const page of pages.slice(1, 4)) expect(page).toMatch(/Nguồn số liệu:/);
    expect(pages[1]).toMatch(/Nguồn: .+ · (Tháng|Quý) .+ · Số liệu (sơ bộ|chính thức) · cập nhật/);
  });

  it('embeds its fonts', () => {
    const fonts = run('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.some((f) => /BeVietnamPro/.test(f))).toBe(true);
    // Columns: name type encoding emb sub uni object ID — every font embedded.
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it('renders its pages to pictures', () => {
    run('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '4', pdf, join(shots, 'page'));
    expect(run('ls', shots)).toMatch(/page-2\.png/);
  });
});
