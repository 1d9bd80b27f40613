// The host's side of the briefing pack: holds what to print under a one-time id while the print page draws it,
// prints that page to PDF with headless Chromium, keeps a copy in the data dir and hands the file back. One pack at
// a time: each is a whole browser's work on a 2-core wall PC.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackFile, PackRequest, PackSpec } from '../../../src/contract/briefing-pack.js';
import { isoDateInZone } from '../../../src/i18n/format.js';
import type { Logger } from '../../../platform/logger.js';
import { printToPdf } from './chromium-pdf.js';

/** The print page's time to draw: its fonts and bundle, then every scene's data and charts. */
const BASE_TIMEOUT_MS = 60_000;
const SCENE_TIMEOUT_MS = 5_000;

export interface BriefingPacksOptions {
  chromium: string | undefined;
  /** Where copies of the packs are kept. */
  dir: string;
  /** The print page's address, with the token it needs. */
  urlFor(path: string): string;
  logger: Logger;
}

export class BriefingPacks {
  private readonly specs = new Map<string, PackSpec>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BriefingPacksOptions) {}

  /** What the print page of `id` draws. */
  spec(id: string): PackSpec {
    const spec = this.specs.get(id);
    if (!spec) throw new Error('không có tài liệu họp này (no such pack)');
    return spec;
  }

  /** Prints the pack; scenes without a time are as of now. */
  make(request: PackRequest, now = Date.now()): Promise<PackFile> {
    const run = this.queue.then(() => this.print(request, now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async print(request: PackRequest, now: number): Promise<PackFile> {
    const { chromium, dir, logger } = this.options;
    if (!chromium) throw new Error('không tìm thấy Chromium để in PDF (no Chromium found; set IOC_CHROMIUM)');
    const id = randomBytes(18).toString('base64url');
    this.specs.set(id, {
      ...request,
      createdAt: now,
      scenes: request.scenes.map((s) => ({ ...s, asOf: s.asOf ?? now })),
    });
    const started = Date.now();
    try {
      const pdf = await printToPdf({
        chromium,
        url: this.options.urlFor(`/print?pack=${id}`),
        timeoutMs: BASE_TIMEOUT_MS + SCENE_TIMEOUT_MS * request.scenes.length,
      });
      const fileName = `tai-lieu-hop-${isoDateInZone(now)}-${id.slice(0, 6)}.pdf`;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(join(dir, fileName), pdf, { mode: 0o600 });
      logger.info('briefing pack printed', { fileName, scenes: request.scenes.length, ms: Date.now() - started });
      return { fileName, pages: request.scenes.length + 1, bytes: pdf.length, pdfBase64: pdf.toString('base64') };
    } finally {
      this.specs.delete(id);
    }
  }
}
