// Federation on real nats-server processes: a province's server (JetStream domain `province`) is a leaf node of
// the centre's (domain `centre`), both written by `ioc-wall cluster init`, the leaf link through a TCP proxy the
// test cuts. hub/jetstream/federation.ts sets up the sourcing. While the link is down the province keeps
// storing a day's worth of events; when it returns the centre's copy catches up: every event once, in order,
// and the centre's directive published meanwhile reaches the province.
import type { NatsConnection } from '@nats-io/transport-node';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { federatedStreamOf, sourceSites } from '../../hub/jetstream/federation.js';
import { streamOf, subjectOf } from '../../hub/jetstream/stream-names.js';
import { initNode, messages, openSite } from '../support/federation-sites.js';
import { readStream } from '../support/jetstream-client.js';
import { freePort, NatsServers } from '../support/nats-servers.js';
import { until } from '../support/start-test-host.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const EVENTS = 100_000;
const WINDOW = 1000;
const FORWARDED = 'econ.live';
const DIRECTIVE = 'gov.tasks';
const FED = federatedStreamOf('province', FORWARDED);
/** The province's copy of the centre's directives. */
const DIRECTIVES = federatedStreamOf('centre', DIRECTIVE);

const event = (i: number): string =>
  JSON.stringify({
    topic: FORWARDED,
    key: `xa-${i % 97}`,
    source: 'hue',
    time: 1_700_000_000_000 + i,
    payload: { n: i },
  });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('federation over a leaf node', { timeout: 300_000 }, () => {
  let servers: NatsServers;
  let proxy: TcpProxy | undefined;
  const connections: NatsConnection[] = [];

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((nc) => nc.close().catch(() => undefined)));
    await proxy?.close();
    proxy = undefined;
    await servers.cleanup();
  });

  it('the centre catches up on a province cut off for a day: every event once, in order; directives flow back', async () => {
    servers = new NatsServers();
    const ports = [];
    for (let i = 0; i < 5; i++) ports.push(await freePort());
    const [centreClient, leafPort, provinceClient, clusterA, clusterB] = ports.map(String);
    // The leaf link goes through a proxy the test cuts: the centre advertises it, as a site behind a NAT would.
    proxy = await startTcpProxy(Number(leafPort));
    const centre = await initNode([
      ...['--out', join(servers.dir, 'centre'), '--site', 'centre', '--domain', 'centre', '--leafnodes'],
      ...['--client-port', centreClient!, '--cluster-port', clusterA!, '--leaf-port', leafPort!],
      ...['--leaf-advertise', `127.0.0.1:${proxy.port}`],
    ]);
    // The province's certificates signed by the centre's CA: the leaf link is verified both ways.
    const province = await initNode([
      ...['--out', join(servers.dir, 'province'), '--site', 'hue', '--domain', 'province'],
      ...['--ca', centre.tls['caFile']!, '--ca-key', join(servers.dir, 'centre/tls/ca-key.pem')],
      ...['--leaf-remote', `tls://127.0.0.1:${proxy.port}`],
      ...['--client-port', provinceClient!, '--cluster-port', clusterB!],
    ]);
    await servers.start(centre.config);
    await servers.start(province.config);
    const c = await openSite(centre, connections);
    const p = await openSite(province, connections);

    // Each side's hub has made its topics' streams; the centre's own econ.live must stay the centre's.
    for (const site of [c, p]) {
      for (const topic of [FORWARDED, DIRECTIVE] as const) {
        await site.jsm.streams.add({ name: streamOf(topic), subjects: [subjectOf(topic)] });
      }
    }
    // The centre's copy as a version before the deliver prefix made it, the first event copied already.
    const before = { name: streamOf(FORWARDED), external: { api: '$JS.province.API' } };
    await c.jsm.streams.add({ name: FED, subjects: [], sources: [before] });
    await p.js.publish(subjectOf(FORWARDED), event(1));
    await until('the first event at the centre', async () => (await messages(c, FED)) === 1, 60_000);

    expect(await sourceSites(c.jsm, [{ domain: 'province', topics: [FORWARDED] }], { replicas: 1 })).toEqual([FED]);
    // It now delivers under the province's prefix, from where it was (the copy below holds each event once).
    const sources = (await c.jsm.streams.info(FED)).config.sources;
    expect(sources).toHaveLength(1);
    expect(sources![0]).toMatchObject({ ...before, external: { ...before.external, deliver: 'fed.province' } });
    expect(await sourceSites(p.jsm, [{ domain: 'centre', topics: [DIRECTIVE] }], { replicas: 1 })).toEqual([
      DIRECTIVES,
    ]);
    // Running it again changes nothing (a hub restarting does it again).
    await sourceSites(c.jsm, [{ domain: 'province', topics: [FORWARDED] }], { replicas: 1 });
    expect((await c.jsm.streams.info(FED)).config.sources).toHaveLength(1);

    proxy.refuse(true);
    proxy.dropAll();
    for (let i = 2; i <= EVENTS; i += WINDOW) {
      const last = Math.min(EVENTS, i + WINDOW - 1);
      const acks = [];
      for (let j = i; j <= last; j++) acks.push(p.js.publish(subjectOf(FORWARDED), event(j)));
      await Promise.all(acks);
    }
    const directive = JSON.stringify({ topic: DIRECTIVE, key: 'cv-1', source: 'centre', time: 1, payload: {} });
    await c.js.publish(subjectOf(DIRECTIVE), directive);
    expect(await messages(p, streamOf(FORWARDED))).toBe(EVENTS);
    // The link is really down: the centre has nothing new (nor the province the directive).
    await sleep(1000);
    expect(await messages(c, FED)).toBe(1);
    expect(await messages(p, DIRECTIVES)).toBe(0);

    const restored = Date.now();
    proxy.refuse(false);
    await until('the centre caught up', async () => (await messages(c, FED)) >= EVENTS, 240_000);
    const seconds = (Date.now() - restored) / 1000;
    console.info(
      `federation catch-up: ${EVENTS} events in ${seconds.toFixed(1)} s (${Math.round(EVENTS / seconds)} events/s, link reconnect included)`,
    );

    const copy = await readStream(c.js, FED, EVENTS);
    const original = await readStream(p.js, streamOf(FORWARDED), EVENTS);
    expect(copy.map((m) => m.seq)).toEqual(original.map((m) => m.seq));
    expect(copy.map((m) => m.data)).toEqual(Array.from({ length: EVENTS }, (_, i) => event(i + 1)));
    expect(copy.map((m) => m.data)).toEqual(original.map((m) => m.data));
    expect(await messages(c, FED)).toBe(EVENTS);
    // Only sourcing crossed the leaf: the province's publishes never landed in the centre's own econ.live.
    expect(await messages(c, streamOf(FORWARDED))).toBe(0);

    await until('the directive at the province', async () => (await messages(p, DIRECTIVES)) === 1, 60_000);
    expect((await readStream(p.js, DIRECTIVES, 1)).map((m) => m.data)).toEqual([directive]);
    // Only sourcing crossed: the centre's directive never landed in the province's own gov.tasks.
    expect(await messages(p, streamOf(DIRECTIVE))).toBe(0);
  });
});
