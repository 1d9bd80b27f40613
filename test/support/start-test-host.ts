// A real host (and by default its embedded hub with demo data) on loopback, in this process, for integration tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Monitor } from '../../src/contract/wall.js';
import { createLogger } from '../../platform/logger.js';
import { type RunningHost, startHost } from '../../main/host/host.js';
import { StartOptions } from '../../main/host/start-options.js';
import type { DeviceCredential } from '../../src/contract/people.js';
import { writeCredentialFile } from './hub-identity.js';

export const TWO_MONITORS: Monitor[] = [
  { id: 'left', name: 'Trái', x: 0, y: 0, width: 1920, height: 1080, primary: true },
  { id: 'right', name: 'Phải', x: 1920, y: 0, width: 1920, height: 1080, primary: false },
];

/** `credential`: the host's device credential for a hub given by URL (written to a 0600 file in its data dir). */
export async function startTestHost(
  overrides: Partial<StartOptions> & { credential?: DeviceCredential } = {},
): Promise<RunningHost> {
  const { credential, ...rest } = overrides;
  const dataDir = rest.dataDir ?? mkdtempSync(join(tmpdir(), 'ioc-host-'));
  const options = StartOptions.parse({
    shell: 'headless',
    port: 0,
    dataDir,
    // The embedded hub's demo data is what these tests read; a hub given by URL brings its own.
    ...(rest.hub === undefined || rest.hub === 'embedded' ? { demo: true } : {}),
    ...(credential ? { hubCredential: writeCredentialFile(mkdtempSync(join(tmpdir(), 'ioc-cred-')), credential) } : {}),
    ...rest,
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
  pollMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
