// A real host (and by default its embedded demo hub) on loopback, in this process, for integration tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Monitor } from '../../src/contract/wall.js';
import { createLogger } from '../../platform/logger.js';
import { type RunningHost, startHost } from '../../main/host/host.js';
import { StartOptions } from '../../main/host/start-options.js';

export const TWO_MONITORS: Monitor[] = [
  { id: 'left', name: 'Trái', x: 0, y: 0, width: 1920, height: 1080, primary: true },
  { id: 'right', name: 'Phải', x: 1920, y: 0, width: 1920, height: 1080, primary: false },
];

export async function startTestHost(overrides: Partial<StartOptions> = {}): Promise<RunningHost> {
  const options = StartOptions.parse({
    shell: 'headless',
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'ioc-host-')),
    ...overrides,
  });
  return startHost({
    options,
    shell: { kind: 'headless', reason: 'test' },
    monitors: TWO_MONITORS,
    monitorSource: 'wall-file',
    logger: createLogger('host', 'error'),
  });
}

export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
