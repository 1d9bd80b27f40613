// A site as issue 14 asks it to survive: three NATS nodes (streams ×3), two hubs over them, two hosts each given
// both hubs, the demo at 1,000 events/s and an operator's commands throughout. One NATS node is SIGKILLed, then
// the producing hub; the other hub takes over production and the hosts; the killed hub comes back. Each host's
// cache ends equal to the log offset by offset, every command is applied once, and both hubs' audit chains verify
// from the cluster. Real nats-server, hub and host processes on loopback; every loop bounded.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyMirroredAudit } from '../../hub/jetstream/audit-mirror.js';
import { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { HubStatus, KNOWN_TOPICS } from '../../src/contract/hub-protocol.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { type CliRun, runCli } from '../support/cli-process.js';
import { enrolDeviceWithCli, TEST_PASSWORD } from '../support/hub-identity.js';
import { hostStatus, type HostRun, sameLogAsHub, startHostProcess } from '../support/host-process.js';
import { checkCache, diffLogs } from '../support/log-compare.js';
import { freePort, NatsServers } from '../support/nats-servers.js';
import { addHubUser, loginBridge } from '../support/people.js';
import { until } from '../support/start-test-host.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const servers = new NatsServers();
const processes: CliRun[] = [];
const dir = mkdtempSync(join(tmpdir(), 'ioc-site-'));
const FAILOVER_ARGS = ['--hub-stall-s', '3', '--hub-down-alarm-s', '30'];

afterAll(async () => {
  for (const p of processes.reverse()) await p.stop();
  await servers.cleanup();
});

interface Hub {
  name: string;
  port: number;
  dir: string;
  url: string;
  run?: CliRun;
}

async function startHubProcess(hub: Hub, log: string, demo: boolean): Promise<void> {
  const args = ['hub', '--port', String(hub.port), '--data-dir', hub.dir, '--hub-name', hub.name];
  const run = runCli([...args, '--log', log, '--log-replicas', '3', ...(demo ? ['--demo', '--rate', '1000'] : [])]);
  processes.push(run);
  await run.waitFor(/listening/);
  hub.run = run;
}

async function hubStatus(hub: Hub): Promise<HubStatus> {
  return HubStatus.parse(await (await fetch(`${hub.url}/api/status`)).json());
}

/** The notes of an alarm in a host's cache: each note an operator made must be there exactly once. */
function notesIn(cacheFile: string, alarmId: string): string[] {
  const db = new Database(cacheFile, { readonly: true });
  try {
    const row = db
      .prepare("SELECT payload FROM events WHERE topic = 'ops.alerts' AND key = ? ORDER BY offset DESC LIMIT 1")
      .get(alarmId) as { payload: string };
    return Alarm.parse(JSON.parse(row.payload)).notes.map((n) => n.text);
  } finally {
    db.close();
  }
}

describe('a site on a 3-node NATS cluster with two hubs', () => {
  it('loses a NATS node and a hub without any wall losing data or any command applied twice', async () => {
    // Three nodes, routes between them, JetStream on each.
    const ports = await Promise.all([0, 1, 2].map(async () => ({ client: await freePort(), route: await freePort() })));
    const nodes = await Promise.all(
      ports.map((p, i) =>
        servers.start(
          servers.writeConfig(
            `n${i}.conf`,
            [
              `server_name: n${i}`,
              `listen: 127.0.0.1:${p.client}`,
              `jetstream { store_dir: "${join(servers.dir, `n${i}`)}" }`,
              `cluster { name: ioc, listen: 127.0.0.1:${p.route}, routes: [${ports
                .filter((_, j) => j !== i)
                .map((q) => `"nats://127.0.0.1:${q.route}"`)
                .join(', ')}] }`,
            ].join('\n'),
          ),
        ),
      ),
    );
    const log = ports.map((p) => `nats://127.0.0.1:${p.client}`).join(',');

    const hubs: [Hub, Hub] = await Promise.all(
      (['hub-a', 'hub-b'] as const).map(async (name) => {
        const port = await freePort();
        return { name, port, dir: join(dir, name), url: `http://127.0.0.1:${port}` };
      }),
    ).then((h) => [h[0]!, h[1]!]);
    // The installer enrols the devices and the operator on hub a only: the cluster shares them with hub b.
    const consoleCredential = await enrolDeviceWithCli(dir, hubs[0].dir, 'ban-truc', 'console');
    const wallCredential = await enrolDeviceWithCli(dir, hubs[0].dir, 'man-hinh', 'wall');
    const operator = addHubUser(hubs[0].dir, 'truc.ban', 'operator', TEST_PASSWORD);
    // The cluster elects its JetStream leader first; hub a then makes the streams ×3 and takes production.
    await until(
      'hub a on the cluster',
      async () => {
        try {
          await startHubProcess(hubs[0], log, true);
          return true;
        } catch {
          return undefined;
        }
      },
      60_000,
    );
    await startHubProcess(hubs[1], log, true);
    expect((await hubStatus(hubs[0])).log).toMatchObject({ kind: 'jetstream', producer: true });
    expect((await hubStatus(hubs[1])).log).toMatchObject({ kind: 'jetstream', producer: false });

    const both = `${hubs[0].url},${hubs[1].url}`;
    const hosts: HostRun[] = [
      await startHostProcess(both, join(dir, 'host-console'), consoleCredential, FAILOVER_ARGS),
      await startHostProcess(`${hubs[1].url},${hubs[0].url}`, join(dir, 'host-wall'), wallCredential, FAILOVER_ARGS),
    ];
    for (const h of hosts) processes.push(h.app);
    const caches = [join(dir, 'host-console', 'cache.sqlite'), join(dir, 'host-wall', 'cache.sqlite')];
    await until(
      'both hosts streaming',
      async () => {
        const s = await Promise.all(hosts.map(hostStatus));
        return s.every((x) => x.feed.state === 'connected' && x.feed.topics['econ.live']!.offset > 500)
          ? true
          : undefined;
      },
      60_000,
    );

    // The operator notes on an alarm through the console's outbox, before, during and after the failures.
    const bridge = connectBridge(hosts[0]!.origin, hosts[0]!.token);
    await connected(bridge);
    await loginBridge(bridge, operator);
    const alarmId = await until('an alarm to note on', () => {
      const db = new Database(caches[0]!, { readonly: true });
      try {
        const r = db.prepare("SELECT key FROM events WHERE topic = 'ops.alerts' LIMIT 1").get() as
          { key: string } | undefined;
        return r?.key;
      } finally {
        db.close();
      }
    });
    const notes: string[] = [];
    const note = async (text: string) => {
      const r = await call(bridge, 'command', { name: 'alarm.note', args: { alarmId, text } });
      expect(r.ok, text).toBe(true);
      notes.push(text);
    };
    for (let i = 0; i < 3; i++) await note(`trước sự cố ${i}`);

    await nodes[2]!.kill();
    for (let i = 0; i < 3; i++) {
      await sleep(1000);
      await note(`mất một nút NATS ${i}`);
    }

    hubs[0].run!.child.kill('SIGKILL');
    await hubs[0].run!.exited();
    for (let i = 0; i < 3; i++) {
      await sleep(1000);
      await note(`mất hub a ${i}`);
    }
    // Hub b takes production over once hub a's lease expires; both hosts are on hub b.
    await until(
      'hub b producing',
      async () => ((await hubStatus(hubs[1])).log as { producer: boolean }).producer,
      30_000,
    );
    await until('both hosts on hub b', async () => {
      const s = await Promise.all(hosts.map(hostStatus));
      return s.every((x) => x.feed.failover.current === hubs[1].url && x.feed.state === 'connected') ? true : undefined;
    });
    const beforeReturn = (await hubStatus(hubs[1])).topics['econ.live']!.head;
    await until(
      'production going on at hub b',
      async () => ((await hubStatus(hubs[1])).topics['econ.live']!.head > beforeReturn + 1000 ? true : undefined),
      60_000,
    );

    // Hub a comes back (and catches its replica up from the cluster); the killed node stays down.
    await startHubProcess(hubs[0], log, true);
    for (let i = 0; i < 3; i++) await note(`hub a trở lại ${i}`);
    // A note hub a had claimed when it died is taken over by hub b after 15 s (command-claims.ts).
    await until(
      'every note delivered',
      async () => ((await hostStatus(hosts[0]!)).outbox.depth === 0 ? true : undefined),
      90_000,
    );
    bridge.close();

    // Production stops (both hubs serve on without the demo) so the caches can be compared with a still log.
    for (const hub of hubs) await hub.run!.stop();
    for (const hub of hubs) await startHubProcess(hub, log, false);
    for (const [i, host] of hosts.entries()) {
      await sameLogAsHub(host, hubs[1].port, hubs[1].dir, caches[i]!, 120_000);
      expect(checkCache(caches[i]!).problems).toEqual([]);
      expect(
        notesIn(caches[i]!, alarmId)
          .filter((t) => notes.includes(t))
          .sort(),
      ).toEqual([...notes].sort());
    }
    // Both hubs' replicas hold the same log.
    await until('hub a to hold what hub b holds', async () => {
      const [a, b] = [await hubStatus(hubs[0]), await hubStatus(hubs[1])];
      return KNOWN_TOPICS.every((t) => a.topics[t]!.head === b.topics[t]!.head) ? true : undefined;
    });
    await sleep(500);
    expect(
      diffLogs(join(hubs[0].dir, 'hub-events.sqlite'), join(hubs[1].dir, 'hub-events.sqlite'), KNOWN_TOPICS),
    ).toEqual([]);

    const nc = await connect({ servers: log.split(',') });
    try {
      for (const hub of hubs) {
        // A request may time out while the cluster, one node down, moves a leader: asked again.
        let last: unknown;
        const verified = await until(
          `${hub.name}'s audit chain in the cluster`,
          async () => {
            last = await verifyMirroredAudit(jetstream(nc), hub.name).catch((e: unknown) => String(e));
            const v = last as Awaited<ReturnType<typeof verifyMirroredAudit>> | string;
            return typeof v === 'object' && v.ok && v.rows > 0 ? v : undefined;
          },
          60_000,
        ).catch(() => last);
        expect(verified, hub.name).toMatchObject({ ok: true });
      }
    } finally {
      await nc.close();
    }
  });
});
