// A host given several hubs (`--hub URL1,URL2`) on the real data path: real hubs, tcp proxies, host processes and
// SQLite on loopback, every loop bounded. Whichever hub dies, refuses or stalls, the host moves to another, says so
// in /api/status, and ends with exactly the hub's log: no gap, no duplicate.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import type { HubFailoverStatus } from '../../src/contract/host-status.js';
import { inProcessHub, stopProducingKeepServing } from '../support/chaos-hub.js';
import { runCli } from '../support/cli-process.js';
import { enrolDevice, enrolDeviceWithCli, writeCredentialFile } from '../support/hub-identity.js';
import { holdingData, hostStatus, type Reachable, sameLogAsHub, startHostProcess } from '../support/host-process.js';
import { checkCache } from '../support/log-compare.js';
import { until } from '../support/start-test-host.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Short, so the tests wait little; the host's own alarm for "no hub" is short too, so it would rise if stuck. */
const FAILOVER_ARGS = ['--hub-stall-s', '3', '--hub-down-alarm-s', '8'];

/** Waits until the host is on `url`, and gives what its status says of its hubs then. */
async function onHub(host: Reachable, url: string, what: string): Promise<HubFailoverStatus> {
  return until(
    what,
    async () => {
      const { failover } = (await hostStatus(host)).feed;
      return failover.current === url ? failover : undefined;
    },
    20_000,
  );
}

/** A demo hub at 1,000 events/s reached through two proxies: to the host, two hubs serving one log. */
async function twoWaysToOneHub() {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-failover-'));
  const hub = await inProcessHub(join(dir, 'hub'), 1000);
  const proxies: [TcpProxy, TcpProxy] = [await startTcpProxy(hub.port), await startTcpProxy(hub.port)];
  for (const p of proxies) cleanups.push(() => p.close());
  const credential = writeCredentialFile(dir, enrolDevice(hub, 'failover-wall', 'wall'));
  const host = await startHostProcess(
    `${proxies[0].url},${proxies[1].url}`,
    join(dir, 'host'),
    credential,
    FAILOVER_ARGS,
  );
  cleanups.push(() => host.app.stop());
  await holdingData(host, hub);
  return { dir, hub, proxies, host, cacheFile: join(dir, 'host', 'cache.sqlite') };
}

describe('a host fails over between hubs', () => {
  it('moves to the next hub when its hub stalls, back when that one drops, and holds exactly the log', async () => {
    const { dir, hub, proxies, host, cacheFile } = await twoWaysToOneHub();
    const [one, two] = proxies;
    expect((await hostStatus(host)).feed.failover).toMatchObject({ hubs: [one.url, two.url], current: one.url });

    // Bytes from hub 1 held back: the link stays open, so only the host's stall watch can tell.
    one.stallDownstream(true);
    const stalled = await onHub(host, two.url, 'the host to move to hub 2 after hub 1 stalled');
    expect(stalled.lastMove).toMatchObject({ from: one.url, to: two.url, reason: 'stalled' });
    one.stallDownstream(false);

    two.dropAll();
    const dropped = await onHub(host, one.url, 'the host to move back to hub 1 after hub 2 dropped it');
    expect(dropped.lastMove).toMatchObject({ from: two.url, to: one.url, reason: 'disconnected' });
    const status = await hostStatus(host);
    expect(status.feed.state).toBe('connected');
    expect(status.alarms).toEqual([]); // a hub was reachable throughout: no "hub down" alarm

    const served = await stopProducingKeepServing(hub, dir);
    cleanups.push(() => served.stop());
    await sameLogAsHub(host, hub.port, join(dir, 'hub'), cacheFile);
    expect(checkCache(cacheFile).problems).toEqual([]);
  });

  it('stays on a quiet hub: silence answered by the probe is not a stall', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-failover-'));
    // No source, no rules: nothing but socket.io's ping every 25 s would reach the host unasked.
    const hub = await startHub({
      port: 0,
      demo: false,
      logFile: join(dir, 'hub-events.sqlite'),
      version: 't',
      logger: createLogger('hub', 'error'),
    });
    cleanups.push(() => hub.close());
    const other = await startTcpProxy(hub.port);
    cleanups.push(() => other.close());
    const credential = writeCredentialFile(dir, enrolDevice(hub, 'quiet-wall', 'wall'));
    const host = await startHostProcess(`${hub.url},${other.url}`, join(dir, 'host'), credential, FAILOVER_ARGS);
    cleanups.push(() => host.app.stop());
    const first = await onHub(host, hub.url, 'the host on the quiet hub');
    await sleep(4 * 3000); // four stall timeouts
    expect((await hostStatus(host)).feed.failover).toEqual(first);
    expect(first.lastMove).toBeNull();
  });

  it('is switched between hubs 20 times at random moments during ingest: no gap, no duplicate', async () => {
    const { dir, hub, proxies, host, cacheFile } = await twoWaysToOneHub();
    for (let round = 0; round < 20; round++) {
      await sleep(200 + Math.floor(Math.random() * 800));
      const { current } = (await hostStatus(host)).feed.failover;
      const [from, to] = current === proxies[0].url ? proxies : [proxies[1], proxies[0]];
      expect(current, `before switch ${round + 1}`).toBe(from.url);
      // Alternately: the link cut, or the hub refusing the host from now on as well.
      const refusing = round % 2 === 1;
      if (refusing) from.refuse(true);
      from.dropAll();
      await onHub(host, to.url, `switch ${round + 1} to ${to.url}`);
      from.refuse(false);
    }
    const served = await stopProducingKeepServing(hub, dir);
    cleanups.push(() => served.stop());
    await sameLogAsHub(host, hub.port, join(dir, 'hub'), cacheFile, 120_000);
    const check = checkCache(cacheFile);
    expect(check.problems).toEqual([]);
    expect(check.events).toBeGreaterThan(1000);
  });

  it('moves to a cold standby hub started on the same storage after its hub was SIGKILLed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-failover-'));
    const hubDir = join(dir, 'hub');
    const cacheFile = join(dir, 'host', 'cache.sqlite');
    const portA = 20000 + Math.floor(Math.random() * 10000);
    const portB = portA + 10000;
    const [urlA, urlB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    const hubArgs = (port: number, demo: boolean) => [
      'hub',
      ...(demo ? ['--demo', '--rate', '200'] : []),
      '--port',
      String(port),
      '--data-dir',
      hubDir,
    ];
    const credential = await enrolDeviceWithCli(dir, hubDir, 'failover-wall', 'wall');
    const hubA = runCli(hubArgs(portA, true));
    cleanups.push(() => hubA.stop());
    await hubA.waitFor(/listening/);
    const host = await startHostProcess(`${urlA},${urlB}`, join(dir, 'host'), credential, FAILOVER_ARGS);
    cleanups.push(() => host.app.stop());
    await until('streaming from hub A', async () => {
      const { feed } = await hostStatus(host);
      return feed.failover.current === urlA && feed.topics['econ.live']!.offset > 200 ? true : undefined;
    });

    hubA.child.kill('SIGKILL');
    await hubA.exited();
    let hubB = runCli(hubArgs(portB, true));
    cleanups.push(() => hubB.stop());
    await hubB.waitFor(/listening/);
    const moved = await onHub(host, urlB, 'the host to move to hub B');
    expect(moved.lastMove).toMatchObject({ from: urlA, to: urlB, reason: 'disconnected' });
    await sleep(2000); // some ingest from B

    // Production stops; the same log served by B without a source, for the comparison.
    await hubB.stop();
    hubB = runCli(hubArgs(portB, false));
    await hubB.waitFor(/listening/);
    await onHub(host, urlB, 'the host on hub B again');
    await sameLogAsHub(host, portB, hubDir, cacheFile);
    expect(checkCache(cacheFile).problems).toEqual([]);
  });
});
