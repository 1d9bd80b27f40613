// A centre with an account per province (`cluster init --leafnodes --provinces`) and two provinces, each its own
// real nats-server written by `cluster init` and logging in with the credential the centre wrote for it. Federation
// works through the accounts (the centre sources each province's topic, each province the centre's directives),
// and province A — its server run without the deny lists its cluster init wrote, as a compromised province would
// — reaches nothing else: not the centre's JetStream API (streams, the audit), not province B's domain nor B's
// copies, none of its publishes lands in the centre's account, and a consumer it makes on the directives (in the
// centre's DIRECTIVES account, on a mirror) delivers nowhere there either, whatever subject it names.
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDirectivesMirror } from '../../hub/jetstream/directives-mirror.js';
import { type FederatedSite, federatedStreamOf, sourceSites } from '../../hub/jetstream/federation.js';
import { CENTRE_API_FOR_DIRECTIVES, DIRECTIVES_API } from '../../hub/jetstream/federation-subjects.js';
import { streamOf, subjectOf } from '../../hub/jetstream/stream-names.js';
import { initNode, messages, openSite, type Site } from '../support/federation-sites.js';
import { runCli } from '../support/cli-process.js';
import { readStream } from '../support/jetstream-client.js';
import { freePort, NatsServers } from '../support/nats-servers.js';
import { until } from '../support/start-test-host.js';

const FORWARDED = 'econ.live';
const DIRECTIVE = 'gov.tasks';
const AUDIT = 'IOC_AUDIT';
const A = 'tinh-a';
const B = 'tinh-b';

const forgery = (subject: string): string => JSON.stringify({ forged: subject });
const event = (topic: string, source: string, i: number): string =>
  JSON.stringify({ topic, key: `k-${i}`, source, time: 1_700_000_000_000 + i, payload: { n: i } });

const servers = new NatsServers();
const connections: NatsConnection[] = [];
let centre: Site;
let a: Site;
let b: Site;

/** What became of a request: answered (its reply), or how it failed. */
async function outcome(nc: NatsConnection, subject: string, body = '{}'): Promise<string> {
  try {
    return `answered: ${(await nc.request(subject, body, { timeout: 1500 })).string()}`;
  } catch (err) {
    const message = String(err);
    if (/no responders/.test(message)) return 'no responders';
    if (/timeout/i.test(message)) return 'timeout';
    throw err;
  }
}

beforeAll(async () => {
  const [centreClient, leafPort, aClient, bClient, cluster] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ].map(String);
  const ports = ['--cluster-port', cluster!];
  const c = await initNode([
    ...['--out', join(servers.dir, 'centre'), '--site', 'centre', '--domain', 'centre', '--leafnodes'],
    ...['--provinces', `${A},${B}`, '--client-port', centreClient!, '--leaf-port', leafPort!, ...ports],
  ]);
  const credentials = (p: string): string => join(servers.dir, 'centre/provinces', `${p}.json`);
  expect(statSync(credentials(A)).mode & 0o777).toBe(0o600);
  const province = (domain: string, client: string) =>
    initNode([
      ...['--out', join(servers.dir, domain), '--site', domain, '--domain', domain, '--client-port', client, ...ports],
      ...['--ca', c.tls['caFile']!, '--ca-key', join(servers.dir, 'centre/tls/ca-key.pem')],
      ...['--leaf-remote', `tls://127.0.0.1:${leafPort}`, '--leaf-credentials', credentials(domain)],
    ]);
  const pa = await province(A, aClient!);
  const pb = await province(B, bClient!);
  // Province A is compromised: it controls its own server, so the deny lists its cluster init wrote are gone.
  const text = readFileSync(pa.config, 'utf8');
  const stripped = text.replace(/^ *deny_(imports|exports): .*\n/gm, '');
  expect(text.length - stripped.length).toBeGreaterThan(0);
  writeFileSync(pa.config, stripped);

  for (const config of [c.config, pa.config, pb.config]) await servers.start(config);
  centre = await openSite(c, connections);
  a = await openSite(pa, connections);
  b = await openSite(pb, connections);
  // Each hub has made its topics' streams; the centre has an audit copy too.
  for (const site of [centre, a, b]) {
    for (const topic of [FORWARDED, DIRECTIVE] as const) {
      await site.jsm.streams.add({ name: streamOf(topic), subjects: [subjectOf(topic)] });
    }
  }
  await centre.jsm.streams.add({ name: AUDIT, subjects: ['ioc.audit.>'] });
  // The centre's hub makes the provinces' mirror of its directives; a province's finds nothing to make.
  expect(await ensureDirectivesMirror(centre.nc, 1)).toBe(true);
  expect(await ensureDirectivesMirror(a.nc, 1)).toBe(false);
  await centre.js.publish('ioc.audit.hub-1', '{"row":1}');
  const provinces: FederatedSite[] = [A, B].map((domain) => ({ domain, topics: [FORWARDED] }));
  await sourceSites(centre.jsm, provinces, { replicas: 1 });
  for (const site of [a, b]) await sourceSites(site.jsm, [{ domain: 'centre', topics: [DIRECTIVE] }], { replicas: 1 });
}, 120_000);

afterAll(async () => {
  await Promise.all(connections.splice(0).map((nc) => nc.close().catch(() => undefined)));
  await servers.cleanup();
});

describe('a centre with an account per province', { timeout: 120_000 }, () => {
  it("refuses to write a province with another province's credential, and writes nothing", async () => {
    const out = join(servers.dir, 'wrong');
    const run = runCli([
      ...['cluster', 'init', '--nodes', '1', '--self-signed', '--out', out, '--domain', B],
      ...[
        '--leaf-remote',
        'tls://127.0.0.1:7422',
        '--leaf-credentials',
        join(servers.dir, 'centre/provinces', `${A}.json`),
      ],
    ]);
    expect(await run.exited()).not.toBe(0);
    expect(run.stderr()).toContain(`province "${A}"'s, and this site's --domain is "${B}"`);
    expect(existsSync(out)).toBe(false);
  });

  it("sources each province's topic, and each province the centre's directives", async () => {
    await a.js.publish(subjectOf(FORWARDED), event(FORWARDED, A, 1));
    await b.js.publish(subjectOf(FORWARDED), event(FORWARDED, B, 1));
    const directive = event(DIRECTIVE, 'centre', 1);
    await centre.js.publish(subjectOf(DIRECTIVE), directive);

    const fromA = federatedStreamOf(A, FORWARDED);
    const fromB = federatedStreamOf(B, FORWARDED);
    const directives = federatedStreamOf('centre', DIRECTIVE);
    await until("A's event at the centre", async () => (await messages(centre, fromA)) === 1, 60_000);
    await until("B's event at the centre", async () => (await messages(centre, fromB)) === 1, 60_000);
    await until('the directive at A', async () => (await messages(a, directives)) === 1, 60_000);
    await until('the directive at B', async () => (await messages(b, directives)) === 1, 60_000);
    expect((await readStream(centre.js, fromA, 1)).map((m) => m.data)).toEqual([event(FORWARDED, A, 1)]);
    expect((await readStream(centre.js, fromB, 1)).map((m) => m.data)).toEqual([event(FORWARDED, B, 1)]);
    expect((await readStream(a.js, directives, 1)).map((m) => m.data)).toEqual([directive]);
    expect((await readStream(b.js, directives, 1)).map((m) => m.data)).toEqual([directive]);
  });

  it("keeps province A out of the centre's JetStream API and out of province B's domain", async () => {
    // The one call A may make is answered: the link is up, so what follows is refused, not lost.
    const probe = JSON.stringify({
      stream_name: streamOf(DIRECTIVE),
      config: { deliver_subject: 'fed.centre.S.probe', ack_policy: 'none' },
    });
    expect(await outcome(a.nc, `$JS.centre.API.CONSUMER.CREATE.${streamOf(DIRECTIVE)}`, probe)).toMatch(
      /^answered: .*"type":"io.nats.jetstream.api.v1.consumer_create_response"/,
    );
    // The centre's streams: not listed, not read, not deleted; no consumer on the audit.
    for (const call of ['STREAM.LIST', 'STREAM.NAMES', 'INFO', `STREAM.INFO.${AUDIT}`, `STREAM.DELETE.${AUDIT}`]) {
      expect([call, await outcome(a.nc, `$JS.centre.API.${call}`)]).toEqual([call, 'timeout']);
    }
    const onAudit = JSON.stringify({ stream_name: AUDIT, config: { deliver_subject: 'x', ack_policy: 'none' } });
    expect(await outcome(a.nc, `$JS.centre.API.CONSUMER.CREATE.${AUDIT}`, onAudit)).toBe('timeout');
    // Province B's domain is not there at all for A.
    for (const call of [
      'STREAM.LIST',
      `STREAM.DELETE.${streamOf(FORWARDED)}`,
      `CONSUMER.CREATE.${streamOf(FORWARDED)}`,
    ]) {
      expect([call, await outcome(a.nc, `$JS.${B}.API.${call}`)]).toEqual([call, 'no responders']);
    }
    expect((await centre.jsm.streams.info(AUDIT)).state.messages).toBe(1);
    expect((await b.jsm.streams.info(streamOf(FORWARDED))).config.name).toBe(streamOf(FORWARDED));
  });

  it("lands none of A's publishes in the centre's account, and shows A none of B's copies", async () => {
    const fromA = federatedStreamOf(A, FORWARDED);
    const fromB = federatedStreamOf(B, FORWARDED);
    // Everything of the centre's account (its own subjects and what it imports): none of it may be A's forgery.
    const seenAtCentre: string[] = [];
    const atCentre = centre.nc.subscribe('>', {
      callback: (_e, m) => void (m.string().includes('forged') && seenAtCentre.push(m.string())),
    });
    const seenAtA: string[] = [];
    // B's copies on their way to the centre (A's own forgery below echoes back to it on its own server).
    const bCopies = a.nc.subscribe(`fed.${B}.>`, {
      callback: (_e, m) => void (!m.string().includes('forged') && seenAtA.push(m.string())),
    });
    await Promise.all([centre.nc.flush(), a.nc.flush()]);
    const before = {
      audit: await messages(centre, AUDIT),
      live: await messages(centre, streamOf(FORWARDED)),
      tasks: await messages(centre, streamOf(DIRECTIVE)),
      fromB: await messages(centre, fromB),
    };
    const forged = ['ioc.audit.hub-1', 'ioc.log.econ.live', 'ioc.log.gov.tasks', '$KV.ioc_commands.c1'];
    for (const subject of [...forged, `fed.${B}.S.forged`]) a.nc.publish(subject, forgery(subject));
    await a.nc.flush();
    // Then what does cross, over the same link and after them: A's next event, and B's.
    await a.js.publish(subjectOf(FORWARDED), event(FORWARDED, A, 2));
    await b.js.publish(subjectOf(FORWARDED), event(FORWARDED, B, 2));
    // A's own econ.live stored its forgery (A's data is A's to write): it reaches the centre as A's copy only.
    await until("A's second event at the centre", async () => (await messages(centre, fromA)) === 3, 60_000);
    await until("B's second event at the centre", async () => (await messages(centre, fromB)) === 2, 60_000);
    await Promise.all([centre.nc.flush(), a.nc.flush()]);
    atCentre.unsubscribe();
    bCopies.unsubscribe();

    // The one sighting is A's own econ.live forgery as copied by sourcing (delivered under `fed.<A>`, shown with the
    // subject it was stored under): nothing reached the centre's own subjects, buckets or B's deliveries.
    expect(seenAtCentre).toEqual([forgery('ioc.log.econ.live')]);
    expect(seenAtA).toEqual([]);
    expect({
      audit: await messages(centre, AUDIT),
      live: await messages(centre, streamOf(FORWARDED)),
      tasks: await messages(centre, streamOf(DIRECTIVE)),
      fromB: await messages(centre, fromB),
    }).toEqual({ ...before, fromB: before.fromB + 1 });
    expect((await readStream(centre.js, fromA, 3)).map((m) => m.data)).toEqual([
      event(FORWARDED, A, 1),
      forgery('ioc.log.econ.live'),
      event(FORWARDED, A, 2),
    ]);
    expect((await readStream(centre.js, fromB, 2)).map((m) => m.data)).toEqual([
      event(FORWARDED, B, 1),
      event(FORWARDED, B, 2),
    ]);
  });

  it("delivers a province's consumer on the directives nowhere in the centre's account", async () => {
    const directives = federatedStreamOf('centre', DIRECTIVE);
    // What the centre's hubs listen on (the producer lease's bucket, the directives' own subject): only the
    // centre's own control directive may show up there.
    const targets = ['$KV.ioc_leases.x', subjectOf(DIRECTIVE)];
    const seenAtCentre: string[] = [];
    const atCentre = targets.map((subject) =>
      centre.nc.subscribe(subject, { callback: (_e, m) => void seenAtCentre.push(`${subject} ${m.string()}`) }),
    );
    // A canary delivered where A sees it: once it brings the control directive, the consumers made before it on
    // the same stream have delivered it too.
    const canary: string[] = [];
    const onCanary = a.nc.subscribe('fed.centre.S.canary', { callback: (_e, m) => void canary.push(m.string()) });
    await Promise.all([centre.nc.flush(), a.nc.flush()]);
    const consumers = async (): Promise<number> =>
      (await centre.jsm.streams.info(streamOf(DIRECTIVE))).state.consumer_count;
    const before = {
      tasks: await messages(centre, streamOf(DIRECTIVE)),
      atA: await messages(a, directives),
      consumers: await consumers(),
    };
    // The one way from DIRECTIVES into the hubs' JetStream API (the mirror's): a directive is no consumer request.
    const intoCentreApi = `${CENTRE_API_FOR_DIRECTIVES}.CONSUMER.CREATE.${streamOf(DIRECTIVE)}`;
    // DIRECTIVES' own API takes no delivery for a call (the mirror is still there at the end).
    const deleteMirror = `$JS.API.STREAM.DELETE.${streamOf(DIRECTIVE)}`;
    for (const deliver of [...targets, intoCentreApi, deleteMirror, 'fed.centre.S.canary']) {
      const create = JSON.stringify({
        stream_name: streamOf(DIRECTIVE),
        config: { deliver_subject: deliver, ack_policy: 'none', deliver_policy: 'new' },
      });
      // Made, or refused (the server refuses a delivery into the stream's own subjects): either way not lost.
      expect(await outcome(a.nc, `$JS.centre.API.CONSUMER.CREATE.${streamOf(DIRECTIVE)}`, create)).toMatch(
        /^answered: /,
      );
    }
    const control = event(DIRECTIVE, 'centre', 2);
    await centre.js.publish(subjectOf(DIRECTIVE), control);
    await until('the control directive at A', async () => (await messages(a, directives)) === before.atA + 1, 60_000);
    await until('the canary at A', async () => canary.length === 1, 60_000);
    await centre.nc.flush();
    atCentre.forEach((s) => s.unsubscribe());
    onCanary.unsubscribe();

    expect(canary).toEqual([control]);
    expect(seenAtCentre).toEqual([`${subjectOf(DIRECTIVE)} ${control}`]);
    expect(await messages(centre, streamOf(DIRECTIVE))).toBe(before.tasks + 1);
    expect(await consumers()).toBe(before.consumers);
    // A's consumers were made on DIRECTIVES' mirror: it listens to no subject and holds what the centre's stream does.
    const directivesApi = await jetstreamManager(centre.nc, { apiPrefix: DIRECTIVES_API, checkAPI: false });
    const mirror = await directivesApi.streams.info(streamOf(DIRECTIVE));
    expect(mirror.config.subjects ?? []).toEqual([]);
    expect(mirror.state.messages).toBe(before.tasks + 1);
  });
});
