// Federation between two hubs on real nats-servers: a province (JetStream domain `quang-ninh`) is a leaf node of
// the centre (domain `centre`), the leaf link through a proxy the test cuts. The centre's hub takes the province's
// indicators (`--federate quang-ninh:econ.indicators`), the province's hub the centre's directives
// (`--federate centre:gov.tasks`): each shows the other's events in its own log, keyed and sourced by the site
// they came from and with the time that site recorded; a cut link holds them back, and they arrive once, in order,
// when it returns.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoSource } from '../../hub/demo-source.js';
import type { NewEvent } from '../../hub/event-log.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { FederatedSite } from '../../hub/jetstream/federation.js';
import { createLogger } from '../../platform/logger.js';
import { freePort, NatsServers } from '../support/nats-servers.js';
import { until } from '../support/start-test-host.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import Database from 'better-sqlite3';

const DEMO = new DemoSource({ seed: 3, clock: () => 1_700_000_000_000 }).initial();
const indicator = DEMO.find((e) => e.topic === 'econ.indicators')!;
const task = DEMO.find((e) => e.topic === 'gov.tasks')!;
const CUT = 2000;

const servers = new NatsServers();
let proxy: TcpProxy;
const hubs: { centre?: RunningHub; province?: RunningHub } = {};

function hub(name: 'centre' | 'province', url: string, federate: FederatedSite[]): Promise<RunningHub> {
  return startHub({
    port: 0,
    logFile: join(servers.dir, `${name}-hub.sqlite`),
    demo: false,
    version: 't',
    logger: createLogger('hub', 'error'),
    jetstream: { servers: [url], hubName: `${name}-hub`, federate },
  });
}

/** The events of a topic in a hub's replica, oldest first. */
function rows(name: 'centre' | 'province', topic: string): { key: string; source: string; time: number }[] {
  const db = new Database(join(servers.dir, `${name}-hub.sqlite`), { readonly: true });
  try {
    return db.prepare('SELECT key, source, time FROM events WHERE topic = ? ORDER BY offset').all(topic) as never;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const [centreClient, leafPort, provinceClient] = [await freePort(), await freePort(), await freePort()];
  proxy = await startTcpProxy(leafPort);
  // The centre advertises the proxy (as a site behind a NAT would), or the province would learn its real port.
  const centre = servers.writeConfig(
    'centre.conf',
    `listen: 127.0.0.1:${centreClient}
jetstream { domain: centre, store_dir: "${join(servers.dir, 'centre')}" }
leafnodes { listen: 127.0.0.1:${leafPort}, advertise: "127.0.0.1:${proxy.port}" }
`,
  );
  // As `ioc-wall cluster init --leaf-remote` writes it: only the JetStream API and sourcing cross the link.
  const province = servers.writeConfig(
    'province.conf',
    `listen: 127.0.0.1:${provinceClient}
jetstream { domain: quang-ninh, store_dir: "${join(servers.dir, 'province')}" }
leafnodes { reconnect: 1, remotes: [ { url: "nats://127.0.0.1:${proxy.port}", deny_imports: ["ioc.>", "$KV.>"], deny_exports: ["ioc.>", "$KV.>"] } ] }
`,
  );
  await servers.start(centre);
  await servers.start(province);
  hubs.centre = await hub('centre', `nats://127.0.0.1:${centreClient}`, [
    { domain: 'quang-ninh', topics: ['econ.indicators'] },
  ]);
  hubs.province = await hub('province', `nats://127.0.0.1:${provinceClient}`, [
    { domain: 'centre', topics: ['gov.tasks'] },
  ]);
}, 120_000);

afterAll(async () => {
  await hubs.centre?.close();
  await hubs.province?.close();
  await proxy?.close();
  await servers.cleanup();
});

describe('federation between a province and the centre', () => {
  it("shows each site's events at the other, saying where they came from and when", async () => {
    hubs.province!.publish([{ ...indicator, key: 'grdp', source: 'so-tai-chinh' }]);
    hubs.centre!.publish([{ ...task, key: 'cv-12', source: 'van-phong-chinh-phu' }]);
    const atCentre = await until(
      'the indicator at the centre',
      () => {
        const r = rows('centre', 'econ.indicators');
        return r.length > 0 ? r : undefined;
      },
      60_000,
    );
    expect(atCentre).toEqual([{ key: 'quang-ninh:grdp', source: 'quang-ninh/so-tai-chinh', time: indicator.time }]);
    const atProvince = await until(
      'the directive at the province',
      () => {
        const r = rows('province', 'gov.tasks');
        return r.length > 0 ? r : undefined;
      },
      60_000,
    );
    expect(atProvince).toEqual([{ key: 'centre:cv-12', source: 'centre/van-phong-chinh-phu', time: task.time }]);
    // Nothing crossed but the chosen topics: the province's own directive stream is its own.
    expect(rows('centre', 'gov.tasks')).toEqual([{ key: 'cv-12', source: 'van-phong-chinh-phu', time: task.time }]);
  });

  it('holds the province back while the link is cut, then brings every event once, in order', async () => {
    proxy.refuse(true);
    proxy.dropAll();
    const events: NewEvent[] = Array.from({ length: CUT }, (_, i) => ({
      ...indicator,
      key: `chi-so-${i % 50}`,
      source: 'so-tai-chinh',
      time: indicator.time + i + 1,
    }));
    for (let i = 0; i < CUT; i += 200) hubs.province!.publish(events.slice(i, i + 200));
    await until('the province to hold them', () =>
      hubs.province!.status().topics['econ.indicators']!.head === CUT + 1 ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(rows('centre', 'econ.indicators')).toHaveLength(1);
    proxy.refuse(false);
    const atCentre = await until(
      'the centre to catch up',
      () => {
        const r = rows('centre', 'econ.indicators');
        return r.length >= CUT + 1 ? r : undefined;
      },
      120_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(rows('centre', 'econ.indicators')).toHaveLength(CUT + 1);
    expect(atCentre.slice(1).map((r) => r.time)).toEqual(events.map((e) => e.time));
    expect(atCentre.slice(1).map((r) => r.key)).toEqual(events.map((e) => `quang-ninh:${e.key}`));
  });
});
