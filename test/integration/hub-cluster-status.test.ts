// The host's view of its hub cluster (`hubs` in its /api/status): two real SQLite hubs on loopback, hostile servers
// (garbage, an answer of 2 MB, one that never answers, one that stalls mid-answer) and a real host given all the
// URLs. The host polls each hub's own /api/status in the background; a hub that stops, lies or hangs is said so,
// and the host keeps serving.
import { mkdtempSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorEntry } from '../../hub/connectors/connectors-file.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { RunningHost } from '../../main/host/host.js';
import { createLogger } from '../../platform/logger.js';
import type { HubView } from '../../src/contract/hub-cluster.js';
import { hostStatus } from '../support/host-process.js';
import { enrolDevice } from '../support/hub-identity.js';
import { startTestHost, until } from '../support/start-test-host.js';
import { webhookConnectorEntry } from '../support/webhook-connector-entry.js';

const dir = mkdtempSync(join(tmpdir(), 'ioc-hub-cluster-'));
let hubA: RunningHub;
let hubB: RunningHub;
let host: RunningHost;
/** What each hostile server does, and what the host must say of it. */
const HOSTILE = {
  garbage: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"app": "ioc-wall", '),
  huge: (_req, res) => res.writeHead(200).end(`"${'x'.repeat(2_000_000)}"`),
  // Accepts and never answers, or sends its headers and stalls: the check must give up on its own.
  hanging: () => undefined,
  stalling: (_req, res) => res.writeHead(200).write('{"app": '),
} satisfies Record<string, RequestListener>;
const servers: Server[] = [];
const urls = {} as Record<keyof typeof HOSTILE, string>;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function startSqliteHub(name: string, connectors: ConnectorEntry[] = []) {
  return startHub({
    port: 0,
    demo: false,
    logFile: join(dir, `${name}.sqlite`),
    version: `t-${name}`,
    connectors,
    logger: createLogger('hub', 'error'),
  });
}

beforeAll(async () => {
  hubA = await startSqliteHub('a', [webhookConnectorEntry(dir, 'he-thong-dvc')]);
  hubB = await startSqliteHub('b');
  for (const [name, listener] of Object.entries(HOSTILE)) {
    const server = createServer(listener);
    servers.push(server);
    urls[name as keyof typeof HOSTILE] = await listen(server);
  }
  host = await startTestHost({
    hub: [hubA.url, hubB.url, ...Object.values(urls)].join(','),
    credential: enrolDevice(hubA, 'cluster-console', 'console'),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await hubA?.close();
  await hubB?.close();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const hubsOf = async (): Promise<HubView[]> => (await hostStatus(host)).hubs;
const viewOf = (views: HubView[], url: string): HubView | undefined => views.find((v) => v.url === url);

describe("the host's view of its hubs", () => {
  it('lists every hub in order, marks the one it is on, and says which answered what', async () => {
    const views = await until(
      'every hub checked once',
      async () => {
        const v = await hubsOf();
        return v.every((h) => h.reach !== 'pending') && v.find((h) => h.current) ? v : undefined;
      },
      20_000,
    );
    expect(views.map((v) => v.url)).toEqual([hubA.url, hubB.url, ...Object.values(urls)]);
    expect(views.filter((v) => v.current).map((v) => v.url)).toEqual([hubA.url]);
    expect(viewOf(views, hubA.url)).toMatchObject({
      reach: 'ok',
      error: null,
      answer: { version: 't-a', log: 'sqlite', producer: true, natsConnected: null, waiting: 0, refused: 0 },
    });
    expect(viewOf(views, hubB.url)).toMatchObject({ reach: 'ok', current: false, answer: { version: 't-b' } });
    expect(viewOf(views, urls.garbage)).toMatchObject({
      reach: 'invalid',
      answer: null,
      error: 'the answer is not JSON',
    });
    expect(viewOf(views, urls.huge)).toMatchObject({
      reach: 'invalid',
      answer: null,
      error: expect.stringMatching(/larger than/),
    });
    for (const url of [urls.hanging, urls.stalling]) {
      expect(viewOf(views, url)).toMatchObject({
        reach: 'unreachable',
        answer: null,
        error: expect.stringMatching(/no answer within/),
      });
    }
    for (const v of views) expect(v.checkedAt).toEqual(expect.any(Number));
  });

  it("gives a console on a remote hub that hub's connectors", async () => {
    const status = await hostStatus(host);
    expect(status.connectors?.map((c) => [c.id, c.kind])).toEqual([['he-thong-dvc', 'webhook']]);
  });

  it('says a stopped hub is unreachable within a bounded wait, and keeps serving', async () => {
    await hubB.close();
    const b = await until(
      'hub B unreachable',
      async () => {
        const v = viewOf(await hubsOf(), hubB.url);
        return v?.reach === 'unreachable' ? v : undefined;
      },
      20_000,
    );
    expect(b.answer).toBeNull();
    expect(b.error).toMatch(/ECONNREFUSED/);
    const status = await hostStatus(host);
    expect(status.feed.state).toBe('connected');
    expect(viewOf(status.hubs, hubA.url)).toMatchObject({ reach: 'ok', current: true });
  });
});
