// `ioc-wall cluster init --self-signed` as an installer runs it (node bin/ioc-wall.js, after the build), and its
// files started as they are on three real nats-server processes (three loopback addresses standing for three
// machines): TLS everywhere, a replicated stream that survives the SIGKILL of its leader.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { streamOf, subjectOf } from '../../hub/jetstream/stream-names.js';
import { runCli } from '../support/cli-process.js';
import { publishOnce, readStream, retrying, untilJetStreamReady } from '../support/jetstream-client.js';
import { freePort, type NatsServer, NatsServers } from '../support/nats-servers.js';

const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
const TOPIC = 'econ.live';
const EACH = 300;

const event = (i: number): string =>
  JSON.stringify({ topic: TOPIC, key: `k${i % 7}`, source: 'test', time: 1_700_000_000_000 + i, payload: { n: i } });

describe('ioc-wall cluster init', { timeout: 180_000 }, () => {
  let servers: NatsServers;
  let nc: NatsConnection | undefined;

  afterEach(async () => {
    await nc?.close().catch(() => undefined);
    nc = undefined;
    await servers.cleanup();
  });

  it('refuses bad options and a folder in use with exit 2, a reason, and nothing written', async () => {
    servers = new NatsServers();
    const out = join(servers.dir, 'site');
    const bad = runCli(['cluster', 'init', '--out', out, '--nodes', '2', '--leaf-remote', 'nats://centre:7422']);
    expect(await bad.exited()).toBe(2);
    expect(bad.stderr()).toMatch(/2 nodes survive no loss/);
    expect(bad.stderr()).toMatch(/over TLS/);
    expect(bad.stderr()).toMatch(/--self-signed/);
    expect(existsSync(out)).toBe(false);

    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), "the site's own file");
    const inUse = runCli(['cluster', 'init', '--out', out, '--self-signed']);
    expect(await inUse.exited()).toBe(2);
    expect(inUse.stderr()).toMatch(/is not empty/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('writes a 3-node TLS cluster that keeps an R3 stream writable and whole when a node is killed', async () => {
    servers = new NatsServers();
    const clientPort = await freePort(HOSTS);
    let clusterPort = await freePort(HOSTS);
    while (clusterPort === clientPort) clusterPort = await freePort(HOSTS);
    const out = join(servers.dir, 'site');
    const init = runCli([
      ...['cluster', 'init', '--out', out, '--self-signed', '--site', 'test', '--hosts', HOSTS.join(',')],
      ...['--client-port', String(clientPort), '--cluster-port', String(clusterPort)],
    ]);
    expect(await init.exited(), init.stderr()).toBe(0);
    const printed = init.stdout();
    const configs = [...printed.matchAll(/nats-server -c (\S+)/g)].map((m) => m[1]!);
    expect(configs).toHaveLength(3);
    const urls = printed.match(/ioc-wall hub --log (\S+)/)?.[1];
    expect(urls).toBe(HOSTS.map((h) => `tls://${h}:${clientPort}`).join(','));
    const tls = {
      caFile: printed.match(/--log-tls-ca (\S+)/)![1]!,
      certFile: printed.match(/--log-tls-cert (\S+)/)![1]!,
      keyFile: printed.match(/--log-tls-key (\S+)/)![1]!,
    };

    const nodes: NatsServer[] = [];
    for (const file of configs) nodes.push(await servers.start(file));

    // The nodes verify clients: trusting the CA is not enough without the hubs' certificate.
    await expect(
      connect({ servers: urls!.split(','), tls: { caFile: tls.caFile }, reconnect: false, timeout: 5000 }),
    ).rejects.toThrow();

    nc = await connect({ servers: urls!.split(','), tls, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    // Not checked here: a new cluster answers only once it has elected its meta leader.
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    await untilJetStreamReady(jsm);
    const stream = streamOf(TOPIC);
    // Placing 3 replicas also waits until the meta leader knows every peer.
    const add = (): Promise<unknown> =>
      jsm.streams.add({ name: stream, subjects: [subjectOf(TOPIC)], num_replicas: 3 });
    await retrying('an R3 stream', add, 30_000);
    const js = jetstream(nc);
    for (let i = 1; i <= EACH; i++) expect(await publishOnce(js, subjectOf(TOPIC), event(i), `e${i}`)).toBe(i);

    const info = await jsm.streams.info(stream);
    expect(info.cluster?.replicas).toHaveLength(2);
    // The leader's loss is the hard case: the other two elect a new one before anything is stored again.
    const leader = nodes[configs.findIndex((f) => f.endsWith(`${info.cluster!.leader}.conf`))]!;
    await leader.kill();

    for (let i = EACH + 1; i <= 2 * EACH; i++) {
      expect(await publishOnce(js, subjectOf(TOPIC), event(i), `e${i}`)).toBe(i);
    }
    const stored = await readStream(js, stream, 2 * EACH);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 2 * EACH }, (_, i) => i + 1));
    expect(stored.map((m) => m.data)).toEqual(Array.from({ length: 2 * EACH }, (_, i) => event(i + 1)));
    const after = await jsm.streams.info(stream);
    expect(after.state.messages).toBe(2 * EACH);
    expect(after.cluster?.leader).not.toBe(info.cluster!.leader);
  });
});
