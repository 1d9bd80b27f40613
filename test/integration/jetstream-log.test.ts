// The JetStream back end with a real nats-server: two hubs serve one log (each from its own replica, offset by
// offset the same), a message another client writes straight into a stream is refused and skipped without
// stalling the topic, a device and session enrolled on one hub are good at the other, a command sent to both hubs
// is applied once, and each hub's audit chain verifies from the cluster alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../hub/hub-server.js';
import { DemoSource } from '../../hub/demo-source.js';
import { verifyMirroredAudit } from '../../hub/jetstream/audit-mirror.js';
import { subjectOf } from '../../hub/jetstream/stream-names.js';
import { CommandResponse, HUB_EVENTS, KNOWN_TOPICS } from '../../src/contract/hub-protocol.js';
import { enrolDevice, enrolPerson, hubClient, logIn } from '../support/hub-identity.js';
import { diffLogs } from '../support/log-compare.js';
import { startJetStreamTestHub } from '../support/jetstream-test-hub.js';
import { NatsServers } from '../support/nats-servers.js';
import { until } from '../support/start-test-host.js';

const DEMO = new DemoSource({ seed: 11, clock: () => 1_700_000_000_000 }).initial();
const servers = new NatsServers();
let nats: { url: string };
let dir: string;
const hubs: Record<'a' | 'b', RunningHub> = {} as never;
const sockets: Socket[] = [];

const hubOn = (name: 'a' | 'b'): Promise<RunningHub> => startJetStreamTestHub(nats.url, dir, `hub-${name}`);

const heads = (hub: RunningHub) => Object.fromEntries(KNOWN_TOPICS.map((t) => [t, hub.status().topics[t]!.head]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-jetstream-'));
  nats = await servers.single();
  hubs.a = await hubOn('a');
  hubs.b = await hubOn('b');
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await hubs.a?.close();
  await hubs.b?.close();
  await servers.cleanup();
});

describe('the log in NATS JetStream', () => {
  it('serves the same log from every hub, offset by offset', async () => {
    hubs.a.publish(DEMO.slice(0, DEMO.length / 2));
    hubs.b.publish(DEMO.slice(DEMO.length / 2));
    await until('both hubs to hold every event', () => {
      const total = Object.values(heads(hubs.a)).reduce((n, h) => n + h, 0);
      return total === DEMO.length && JSON.stringify(heads(hubs.a)) === JSON.stringify(heads(hubs.b))
        ? true
        : undefined;
    });
    expect(diffLogs(join(dir, 'hub-a.sqlite'), join(dir, 'hub-b.sqlite'), KNOWN_TOPICS)).toEqual([]);
    expect(hubs.a.status().log).toMatchObject({ kind: 'jetstream', hub: 'hub-a', connected: true });
    // One of the two produces; the other serves.
    expect([hubs.a.status().log, hubs.b.status().log].filter((l) => l.kind === 'jetstream' && l.producer)).toHaveLength(
      1,
    );
  });

  it('refuses and skips what another client writes straight into a stream, without stalling the topic', async () => {
    const before = hubs.a.status().topics['econ.live']!.head;
    const raw = await connect({ servers: nats.url });
    const js = jetstream(raw);
    const live = DEMO.find((e) => e.topic === 'econ.live')!;
    await js.publish(subjectOf('econ.live'), 'not json at all');
    await js.publish(subjectOf('econ.live'), JSON.stringify({ ...live, offset: before + 1, payload: { nonsense: 1 } }));
    await js.publish(subjectOf('econ.live'), JSON.stringify({ ...live, offset: before + 50 }));
    await js.publish(subjectOf('econ.live'), JSON.stringify({ ...live, topic: 'ops.alerts', offset: before + 1 }));
    await raw.close();
    hubs.b.publish([{ ...live, time: live.time + 1 }]);
    for (const hub of [hubs.a, hubs.b]) {
      await until('the valid event to follow the refused ones', () =>
        hub.status().topics['econ.live']!.head === before + 1 ? true : undefined,
      );
      expect(hub.status().log).toMatchObject({ refused: 4 });
    }
    expect(diffLogs(join(dir, 'hub-a.sqlite'), join(dir, 'hub-b.sqlite'), KNOWN_TOPICS)).toEqual([]);
  });

  it('lets a device and its person in at every hub, and applies a command once when it reaches both', async () => {
    // Enrolled once, on hub a, as an installer does; the session is opened on hub a.
    const credential = enrolDevice(hubs.a, 'console-1', 'console');
    await enrolPerson(hubs.a, 'truc.ban', ['operator']);
    const onA = hubClient(hubs.a.url, credential);
    sockets.push(onA);
    const grant = await logIn(onA, 'truc.ban');
    // The host fails over to hub b: the same credential gets in, the same session token acts.
    const onB = await until('hub b to know the device', async () => {
      const socket = hubClient(hubs.b.url, credential, { reconnection: false });
      const ok = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (ok) return socket;
      socket.close();
      return undefined;
    });
    sockets.push(onB);
    const before = hubs.a.status().topics['wall.state']!.head;
    const send = async (socket: Socket) =>
      CommandResponse.parse(
        await socket.timeout(10_000).emitWithAck(HUB_EVENTS.command, {
          key: 'privacy-once-0001',
          name: 'wall.setPrivacy',
          args: { on: true },
          issuedAt: Date.now(),
          session: grant.accessToken,
        }),
      );
    const first = await send(onA);
    const second = await until('hub b to know the session', async () => {
      const r = await send(onB);
      return r.ok ? r : undefined;
    });
    expect(first).toMatchObject({ ok: true, duplicate: false, result: { status: 'applied' } });
    expect(second).toMatchObject({ ok: true, duplicate: true });
    if (first.ok && second.ok) expect(second.result).toEqual(first.result);
    await until('the change to reach hub b', () =>
      hubs.b.status().topics['wall.state']!.head > before ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(hubs.a.status().topics['wall.state']!.head).toBe(before + 1);
    expect(hubs.b.status().topics['wall.state']!.head).toBe(before + 1);
  });

  it("keeps each hub's audit chain in the cluster, where it verifies", async () => {
    const raw = await connect({ servers: nats.url });
    try {
      const verified = await until('hub a audit rows in the cluster', async () => {
        const v = await verifyMirroredAudit(jetstream(raw), 'hub-a');
        return v.ok && v.rows >= 3 ? v : undefined;
      });
      expect(verified).toMatchObject({ ok: true });
    } finally {
      await raw.close();
    }
  });
});
