// Prints a page of the host to PDF with a headless Chromium driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: fds 3 and 4, messages ended by NUL), so no websocket client is needed. It waits until
// the page says it is drawn (`<html data-print-ready="yes">`, or "error") before printing: the page knows when its
// data has arrived, a fixed delay would not.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { QUIET_CHROMIUM_FLAGS } from '../shells/chromium-flags.js';

const READY_POLL_MS = 200;
const A4_LANDSCAPE_PX = { width: 1123, height: 794, deviceScaleFactor: 1, mobile: false };

const Reply = z.object({
  id: z.number().optional(),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ message: z.string() }).optional(),
});

export interface PrintOptions {
  chromium: string;
  url: string;
  /** Longest wait for the page to say it is drawn. */
  timeoutMs: number;
}

export async function printToPdf(options: PrintOptions): Promise<Buffer> {
  const profile = mkdtempSync(join(tmpdir(), 'ioc-print-'));
  const asRoot = process.getuid?.() === 0;
  const child = spawn(
    options.chromium,
    [
      '--headless',
      '--remote-debugging-pipe',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${profile}`,
      ...QUIET_CHROMIUM_FLAGS,
      // Chromium refuses to run as root with its sandbox on (the tests' machines); a wall PC's user keeps it.
      ...(asRoot ? ['--no-sandbox'] : []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`chromium ended (${code ?? 'signal'}) before the PDF was made`))),
  );
  exited.catch(() => undefined);
  try {
    return await Promise.race([exited, print(cdp, options)]);
  } finally {
    // Closed through the protocol so its helpers end too; killed if it does not go within a few seconds.
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.exitCode === null) {
      void cdp.send('Browser.close', {}).catch(() => undefined);
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(killer);
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

async function print(cdp: CdpPipe, options: PrintOptions): Promise<Buffer> {
  const { targetId } = z
    .object({ targetId: z.string() })
    .parse(await cdp.send('Target.createTarget', { url: options.url }));
  const { sessionId } = z
    .object({ sessionId: z.string() })
    .parse(await cdp.send('Target.attachToTarget', { targetId, flatten: true }));
  // Laid out at the size it is printed (A4 landscape at 96 dpi): a wider window would be shrunk onto the page.
  await cdp.send('Emulation.setDeviceMetricsOverride', A4_LANDSCAPE_PX, sessionId);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const evaluated = await cdp.send(
      'Runtime.evaluate',
      { expression: 'document.documentElement.dataset.printReady ?? ""', returnByValue: true },
      sessionId,
    );
    // While the page loads there may be no document to ask (no value): not ready yet.
    const ready = z.object({ result: z.object({ value: z.unknown().optional() }) }).parse(evaluated).result.value;
    if (ready === 'yes') break;
    if (ready === 'error') throw new Error('the print page could not draw the pack (see the host log)');
    if (Date.now() > deadline) throw new Error(`the print page was not drawn within ${options.timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, READY_POLL_MS));
  }
  const pdf = await cdp.send(
    'Page.printToPDF',
    { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false },
    sessionId,
  );
  return Buffer.from(z.object({ data: z.string() }).parse(pdf).data, 'base64');
}

/** The DevTools protocol over Chromium's pipe: one request at a time is all the printer needs, but ids keep it honest. */
class CdpPipe {
  private nextId = 1;
  private buffer = '';
  private readonly waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
  }

  send(method: string, params: object, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const message = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.input.write(`${message}\0`);
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      const reply = Reply.safeParse(JSON.parse(text));
      // Events (no id) are not asked for; replies are matched to their request.
      if (!reply.success || reply.data.id === undefined) continue;
      const waiter = this.waiting.get(reply.data.id);
      this.waiting.delete(reply.data.id);
      if (reply.data.error) waiter?.reject(new Error(`${reply.data.error.message}`));
      else waiter?.resolve(reply.data.result ?? {});
    }
  }
}
