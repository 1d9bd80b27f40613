// Federation catch-up: a province's server (JetStream domain `province`) is a leaf node of the centre's (`centre`),
// both written by cluster init (TLS, one node each) and started as real nats-server processes on loopback. The
// centre's IOC_FED_province_econ_live sources the province's IOC_econ_live (hub/jetstream/federation.ts). The
// centre is killed (SIGKILL: the outage), the province stores N events alone, the centre starts again from its
// store: the figure is how fast its copy catches up. Prints figures; never passes or fails on time.
//
//   npx tsc -b && node bench/federation.mjs [--quick]
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { join } from 'node:path';
import { sourceSites, federatedStreamOf } from '../dist/hub/jetstream/federation.js';
import { streamOf, subjectOf } from '../dist/hub/jetstream/stream-names.js';
import { initCluster } from '../dist/main/host/cluster/cluster-init.js';
import { ClusterInitOptions } from '../dist/main/host/cluster/cluster-options.js';
import { freePort, startServer } from './nats-server.mjs';
import { fmt, section, table } from './report.mjs';
import { atCleanup, round, runAlone, sleep, tempDir, until } from './support.mjs';

const TOPIC = 'econ.live';
const WINDOW = 1000;

async function site(dir, extra) {
  const options = ClusterInitOptions.parse({
    out: dir,
    nodes: 1,
    hosts: ['127.0.0.1'],
    clientPort: await freePort(),
    clusterPort: await freePort(),
    leafPort: await freePort(),
    leafnodes: false,
    selfSigned: true,
    ...extra,
  });
  return initCluster(options);
}

async function client(plan) {
  const node = plan.nodes[0];
  const nc = await connect({
    servers: `tls://127.0.0.1:${node.clientPort}`,
    tls: { caFile: plan.hubTls.ca, certFile: plan.hubTls.cert, keyFile: plan.hubTls.key },
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
  });
  atCleanup(() => nc.close());
  const jsm = await jetstreamManager(nc, { checkAPI: false });
  await until(
    'JetStream',
    () =>
      jsm.getAccountInfo().then(
        () => true,
        () => false,
      ),
    30_000,
    250,
  );
  return { nc, jsm, js: jetstream(nc) };
}

const event = (i) =>
  JSON.stringify({
    topic: TOPIC,
    key: `xa-${i % 97}`,
    source: 'bench',
    time: 1_700_000_000_000 + i,
    payload: { n: i },
  });

export async function run({ quick, print }) {
  const count = quick ? 10_000 : 100_000;
  const dir = tempDir('federation');
  const centrePlan = await site(join(dir, 'centre'), { site: 'centre', domain: 'centre', leafnodes: true });
  const provincePlan = await site(join(dir, 'province'), {
    site: 'hue',
    domain: 'province',
    leafRemote: `tls://127.0.0.1:${centrePlan.nodes[0].leafPort}`,
    ca: centrePlan.hubTls.ca,
    caKey: centrePlan.caKey,
  });
  let centreServer = await startServer(centrePlan.nodes[0].configFile);
  await startServer(provincePlan.nodes[0].configFile);
  const centre = await client(centrePlan);
  const province = await client(provincePlan);
  await province.jsm.streams.add({ name: streamOf(TOPIC), subjects: [subjectOf(TOPIC)] });
  const [fed] = await sourceSites(centre.jsm, [{ domain: 'province', topics: [TOPIC] }], { replicas: 1 });
  const copied = () =>
    centre.jsm.streams.info(fed).then(
      (i) => i.state.messages,
      () => -1,
    );
  await province.js.publish(subjectOf(TOPIC), event(0));
  await until('the first event at the centre', async () => (await copied()) === 1, 60_000);

  // The outage: the centre dies; the province keeps storing.
  centreServer.kill('SIGKILL');
  await new Promise((r) => centreServer.once('exit', r));
  const t0 = performance.now();
  for (let i = 1; i < count; i += WINDOW) {
    const acks = [];
    for (let j = i; j < Math.min(count, i + WINDOW); j++) acks.push(province.js.publish(subjectOf(TOPIC), event(j)));
    await Promise.all(acks);
  }
  const publishS = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  centreServer = await startServer(centrePlan.nodes[0].configFile);
  const readyS = (performance.now() - t1) / 1000;
  await until('the centre caught up', async () => (await copied()) >= count, 300_000, 100);
  const catchUpS = (performance.now() - t1) / 1000;
  await sleep(500);
  const final = await copied();

  print(
    section('Federation: a province feeding the centre catches up after an outage', [
      `${fmt(count)} events (about ${fmt(event(count).length)} bytes each) stored by the province while the centre ` +
        'was down, then the centre restarted from its store; one node each, TLS, leaf node on loopback',
      `stream ${federatedStreamOf('province', TOPIC)} holds ${fmt(final)} events (expected ${fmt(count)})`,
    ]),
  );
  print(
    table(
      ['what', 'seconds', 'events/s'],
      [
        ['province stores alone (JetStream publish, 1,000 in flight)', fmt(publishS, 2), fmt(count / publishS)],
        ['centre back: restart until ready', fmt(readyS, 2), '—'],
        ['centre back: restart until caught up (leaf reconnect included)', fmt(catchUpS, 2), fmt(count / catchUpS)],
      ],
    ),
  );
  return {
    bench: 'federation',
    events: count,
    copied: final,
    provincePublishPerSecond: round(count / publishS),
    catchUpSeconds: round(catchUpS, 2),
    catchUpPerSecond: round(count / catchUpS),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
