// The host's view of a hub cluster on the JetStream back end: two real hubs on one real nats-server and a real host
// given both. The view says which hub produces (holds the lease) and which stands by, and, once NATS dies, that
// both hubs lost it — while the hubs still answer and the host keeps serving.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../hub/hub-server.js';
import type { RunningHost } from '../../main/host/host.js';
import type { HubView } from '../../src/contract/hub-cluster.js';
import { hostStatus } from '../support/host-process.js';
import { enrolDevice } from '../support/hub-identity.js';
import { startJetStreamTestHub } from '../support/jetstream-test-hub.js';
import { type NatsServer, NatsServers } from '../support/nats-servers.js';
import { startTestHost, until } from '../support/start-test-host.js';

const servers = new NatsServers();
const dir = mkdtempSync(join(tmpdir(), 'ioc-hub-cluster-js-'));
let nats: NatsServer & { url: string };
const hubs: RunningHub[] = [];
let host: RunningHost;

const hubOn = (name: string): Promise<RunningHub> => startJetStreamTestHub(nats.url, dir, `hub-${name}`);

beforeAll(async () => {
  nats = await servers.single();
  hubs.push(await hubOn('a'), await hubOn('b'));
  host = await startTestHost({
    hub: hubs.map((h) => h.url).join(','),
    credential: enrolDevice(hubs[0]!, 'cluster-console', 'console'),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  for (const h of hubs) await h.close();
  await servers.cleanup();
});

/** Waits until every hub's view passes `check` and the host is on one of them, and gives the views then. */
const hubsWhen = (what: string, check: (v: HubView) => boolean): Promise<HubView[]> =>
  until(
    what,
    async () => {
      const views = (await hostStatus(host)).hubs;
      const ready = views.length === hubs.length && views.every(check) && views.some((v) => v.current);
      return ready ? views : undefined;
    },
    20_000,
  );

describe("the host's view of JetStream hubs", () => {
  it('names each hub, which one produces and which stands by, both on NATS', async () => {
    const views = await hubsWhen('both hubs answered', (v) => v.reach === 'ok');
    expect(views.map((v) => v.answer?.name)).toEqual(['hub-a', 'hub-b']);
    expect(views.every((v) => v.answer?.log === 'jetstream' && v.answer.natsConnected === true)).toBe(true);
    expect(views.filter((v) => v.answer?.producer)).toHaveLength(1);
    expect(views.find((v) => v.current)?.url).toBe(hubs[0]!.url);
  });

  it('says both hubs lost NATS when it dies, and the host keeps serving', async () => {
    await nats.kill();
    const views = await hubsWhen('both hubs to report NATS lost', (v) => v.answer?.natsConnected === false);
    expect(views.every((v) => v.reach === 'ok')).toBe(true);
    expect((await hostStatus(host)).app).toBe('ioc-wall');
  });
});
