// A host as a site runs it (`ioc-wall start --shell headless`, a process of its own) and what tests read of it:
// its /api/status, and whether its cache holds exactly a hub's log.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunningHub } from '../../hub/hub-server.js';
import { HostStatus } from '../../src/contract/host-status.js';
import { HubStatus, KNOWN_TOPICS } from '../../src/contract/hub-protocol.js';
import { type CliRun, runCli } from './cli-process.js';
import { headlessHostArgs } from './hub-identity.js';
import { diffLogs } from './log-compare.js';
import { until } from './start-test-host.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A host process as the tests reach it: its origin and its token (the full /api/status needs it). */
export interface Reachable {
  origin: string;
  token: string;
}

export interface HostRun extends Reachable {
  app: CliRun;
}

/** `hubUrl`: one hub or several (`URL1,URL2`); `credential`: the device credential file; `extra`: more options. */
export async function startHostProcess(
  hubUrl: string,
  dataDir: string,
  credential: string,
  extra: string[] = [],
): Promise<HostRun> {
  const app = runCli([...headlessHostArgs(hubUrl, credential, dataDir), ...extra]);
  const m = await app.waitFor(/console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
  return { app, origin: m[1]!, token: m[2]! };
}

export async function hostStatus(host: Reachable): Promise<HostStatus> {
  return HostStatus.parse(await (await fetch(`${host.origin}/api/status?token=${host.token}`)).json());
}

async function hubHeads(port: number): Promise<Record<string, number>> {
  const status = HubStatus.parse(await (await fetch(`http://127.0.0.1:${port}/api/status`)).json());
  return Object.fromEntries(Object.entries(status.topics).map(([t, v]) => [t, v.head]));
}

/**
 * Waits until the host's cache equals the hub's log, event by event. The hub's heads are read live: a hub serving
 * the log without a source still runs its alarm rules (the demo's "live counters silent" rightly fires once the
 * counters stop), so the log may grow while the host catches up. A gap or a duplicate never heals, and times out.
 */
export async function sameLogAsHub(
  host: Reachable,
  hubPort: number,
  hubDir: string,
  cacheFile: string,
  timeoutMs = 60_000,
): Promise<void> {
  let problems: string[] = ['the host has not caught up with the hub'];
  try {
    await until(
      'the host to hold exactly the hub log',
      async () => {
        const [s, h] = await Promise.all([hostStatus(host), hubHeads(hubPort)]);
        if (!KNOWN_TOPICS.every((t) => s.feed.topics[t]?.offset === h[t])) return undefined;
        await sleep(400); // the last batch reaches SQLite within the flush period (150 ms)
        problems = diffLogs(join(hubDir, 'hub-events.sqlite'), cacheFile, KNOWN_TOPICS);
        return problems.length === 0 ? true : undefined;
      },
      timeoutMs,
    );
  } catch {
    expect(problems).toEqual([]);
  }
}

/**
 * Waits until the host holds data of every topic the hub has. A host that goes offline before it held anything
 * of a topic is a new client when it returns, and a new client of a long log rightly gets a snapshot, not the log.
 */
export async function holdingData(host: Reachable, hub: RunningHub): Promise<void> {
  await until('the host to hold every topic', async () => {
    const s = await hostStatus(host);
    const heads = hub.status().topics;
    const holds = KNOWN_TOPICS.every((t) => (heads[t]?.head ?? 0) === 0 || (s.feed.topics[t]?.offset ?? 0) > 0);
    return s.feed.state === 'connected' && holds ? true : undefined;
  });
}
