// Chaos on the real data path (real hub, real host processes, real SQLite, loopback only; every loop bounded):
// whatever is killed, dropped or stalled, the host ends with exactly the hub's log and loses no action. One suite,
// two back ends: the hub's own SQLite log, and the log in NATS JetStream (a real nats-server) with the hub's
// replica of it — the host, its cache and the protocol are the same.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { runCli } from '../support/cli-process.js';
import { inProcessHub, stopProducingKeepServing } from '../support/chaos-hub.js';
import { checkCache } from '../support/log-compare.js';
import { until } from '../support/start-test-host.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import {
  enrolDevice,
  enrolDeviceWithCli,
  enrolPerson,
  TEST_PASSWORD,
  writeCredentialFile,
} from '../support/hub-identity.js';
import { holdingData, hostStatus, sameLogAsHub, startHostProcess } from '../support/host-process.js';
import { loginBridge } from '../support/people.js';
import { NatsServers } from '../support/nats-servers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The back end under test: null, the hub's SQLite log; otherwise the NATS server holding the log. */
let nats: { url: string } | null = null;

/** The CLI arguments that put a hub on the back end under test. */
const logArgs = (): string[] => (nats ? ['--log', nats.url, '--hub-name', 'chaos-hub'] : []);

describe.each(['sqlite', 'jetstream'] as const)('offline-first data path under chaos (%s log)', (backEnd) => {
  beforeEach(async () => {
    if (backEnd !== 'jetstream') return;
    const servers = new NatsServers();
    nats = await servers.single();
    cleanups.unshift(() => servers.cleanup()); // after the hubs and hosts that use it
  });
  afterEach(() => {
    nats = null;
  });

  it('ends with exactly the hub log when the hub is SIGKILLed and restarted mid-stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-chaos-'));
    const hubDir = join(dir, 'hub');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const hubArgs = ['hub', '--demo', '--rate', '800', '--port', String(port), '--data-dir', hubDir, ...logArgs()];
    // The host's credential, made as an installer makes it.
    const credential = await enrolDeviceWithCli(dir, hubDir, 'chaos-wall', 'wall');
    let hub = runCli(hubArgs);
    await hub.waitFor(/listening/);
    const host = await startHostProcess(`http://127.0.0.1:${port}`, join(dir, 'host'), credential);
    cleanups.push(() => host.app.stop());
    await until('streaming', async () =>
      (await hostStatus(host)).feed.topics['econ.live']!.offset > 500 ? true : undefined,
    );
    hub.child.kill('SIGKILL');
    await hub.exited();
    await sleep(1500);
    hub = runCli(hubArgs);
    cleanups.push(() => hub.stop());
    await hub.waitFor(/listening/);
    await sleep(3000);
    // Stop production: the same log served again by a hub without a source.
    await hub.stop();
    hub = runCli(['hub', '--port', String(port), '--data-dir', hubDir, ...logArgs()]);
    await hub.waitFor(/listening/);
    await sameLogAsHub(host, port, hubDir, join(dir, 'host', 'cache.sqlite'));
  });

  it('survives 20 SIGKILLs of the host during ingest: intact cache, no gap, no duplicate, no lost action', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-chaos-'));
    const hub = await inProcessHub(join(dir, 'hub'), 1000, 0, nats?.url);
    const hostDir = join(dir, 'host');
    const cacheFile = join(hostDir, 'cache.sqlite');
    await enrolPerson(hub, 'truc.ban', ['operator']);
    const credentialFile = writeCredentialFile(dir, enrolDevice(hub, 'chaos-console', 'console'));
    const confirmedActions: number[] = [];
    for (let round = 0; round < 20; round++) {
      const host = await startHostProcess(hub.url, hostDir, credentialFile);
      try {
        const bridge = connectBridge(host.origin, host.token);
        await connected(bridge);
        // Each new host process starts with nobody logged in: the operator logs in (the hub is up throughout).
        await until('connected to the hub', async () =>
          (await hostStatus(host)).feed.state === 'connected' ? true : undefined,
        );
        await loginBridge(bridge, { user: 'truc.ban', password: TEST_PASSWORD });
        const r = await call(bridge, 'command', {
          name: 'alarm.note',
          args: { alarmId: `CB-${round}`, text: `vòng ${round}` },
        });
        bridge.close();
        if (r.ok) confirmedActions.push((r.result as { id: number }).id);
        await sleep(100 + Math.floor(Math.random() * 900));
      } finally {
        host.app.child.kill('SIGKILL');
        await host.app.exited();
      }
      const check = checkCache(cacheFile);
      expect(check.problems, `after kill ${round + 1}`).toEqual([]);
      expect(check.outboxIds).toEqual(expect.arrayContaining(confirmedActions));
    }
    expect(confirmedActions).toHaveLength(20);
    const served = await stopProducingKeepServing(hub, dir, nats?.url);
    cleanups.push(() => served.stop());
    const last = await startHostProcess(hub.url, hostDir, credentialFile);
    cleanups.push(() => last.app.stop());
    await sameLogAsHub(last, hub.port, join(dir, 'hub'), cacheFile);
    await until('all 20 actions delivered', async () =>
      (await hostStatus(last)).outbox.depth === 0 ? true : undefined,
    );
  });

  it('ends with exactly the hub log through a proxy that drops and stalls connections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-chaos-'));
    const hub = await inProcessHub(join(dir, 'hub'), 1000, 0, nats?.url);
    const proxy = await startTcpProxy(hub.port);
    cleanups.push(() => proxy.close());
    const credential = writeCredentialFile(dir, enrolDevice(hub, 'chaos-wall', 'wall'));
    const host = await startHostProcess(proxy.url, join(dir, 'host'), credential);
    cleanups.push(() => host.app.stop());
    await holdingData(host, hub);
    for (let i = 0; i < 12; i++) {
      await sleep(300 + Math.floor(Math.random() * 500));
      const r = Math.random();
      if (r < 0.4) proxy.dropAll();
      else if (r < 0.8) {
        proxy.stallDownstream(true);
        await sleep(500 + Math.floor(Math.random() * 1500));
        proxy.stallDownstream(false);
      } else {
        proxy.refuse(true);
        proxy.dropAll();
        await sleep(1000);
        proxy.refuse(false);
      }
    }
    const server = await stopProducingKeepServing(hub, dir, nats?.url);
    cleanups.push(() => server.stop());
    await sameLogAsHub(host, hub.port, join(dir, 'hub'), join(dir, 'host', 'cache.sqlite'));
  });

  it('replays a 60 s outage at 1,000 events/s completely', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-chaos-'));
    const hub = await inProcessHub(join(dir, 'hub'), 1000, 0, nats?.url);
    const proxy = await startTcpProxy(hub.port);
    cleanups.push(() => proxy.close());
    const credential = writeCredentialFile(dir, enrolDevice(hub, 'chaos-wall', 'wall'));
    const host = await startHostProcess(proxy.url, join(dir, 'host'), credential);
    cleanups.push(() => host.app.stop());
    await holdingData(host, hub);
    proxy.refuse(true);
    proxy.dropAll();
    const before = hub.status().topics['econ.live']!.head;
    await sleep(60_000);
    const s = await hostStatus(host);
    expect(s.feed.state).toBe('offline');
    expect(hub.status().topics['econ.live']!.head - before).toBeGreaterThan(40_000);
    const server = await stopProducingKeepServing(hub, dir, nats?.url);
    cleanups.push(() => server.stop());
    proxy.refuse(false);
    await sameLogAsHub(host, hub.port, join(dir, 'hub'), join(dir, 'host', 'cache.sqlite'), 120_000);
  });
});
