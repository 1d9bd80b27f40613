// The latest value of every key outlives the JetStream log's retention: with a topic's stream kept to 5 messages,
// keys written once and then pushed out of it by another key's writes still reach a hub that starts on an empty
// replica (and the hosts it serves, in their snapshot), and a hub that was away longer than the retention; what
// another client writes straight into the latest stream is refused, counted and skipped.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../hub/event-log.js';
import type { RunningHub } from '../../hub/hub-server.js';
import { latestStreamOf, latestSubjectOf, streamOf } from '../../hub/jetstream/stream-names.js';
import { type Envelope, HUB_EVENTS, SnapshotMessage } from '../../src/contract/hub-protocol.js';
import { enrolDevice, hubClient } from '../support/hub-identity.js';
import { startJetStreamTestHub } from '../support/jetstream-test-hub.js';
import { NatsServers } from '../support/nats-servers.js';
import { until } from '../support/start-test-host.js';

const servers = new NatsServers();
let nats: { url: string };
let jsm: JetStreamManager;
let closeRaw: () => Promise<void>;
const hubs: RunningHub[] = [];
const sockets: Socket[] = [];

// Keys are untrusted text: dots, wildcards, spaces and Vietnamese must still be one subject token each.
const A = 'tỉnh.Quảng Ninh/*>';
const B = 'b';
const C = 'c c';
const D = 'd';
let value = 0;
const event = (key: string): NewEvent => ({
  topic: 'econ.live',
  key,
  source: 'test',
  time: Date.now(),
  payload: { metric: 'new_businesses_today', value: ++value, sourceSystem: key },
});

function hubOn(name: string, dir: string): Promise<RunningHub> {
  return startJetStreamTestHub(nats.url, dir, name, {
    retention: { 'econ.live': { maxAgeMs: 86_400_000, maxEvents: 5 } },
  }).then((hub) => {
    hubs.push(hub);
    return hub;
  });
}

/** The latest event of every key of econ.live in a hub's replica, by key. */
function replicaLatest(file: string): Record<string, Pick<Envelope, 'offset' | 'payload'>> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT e.offset, e.key, e.payload FROM latest l JOIN events e ON e.topic = l.topic AND e.offset = l.offset
         WHERE l.topic = 'econ.live'`,
      )
      .all() as { offset: number; key: string; payload: string }[];
    return Object.fromEntries(
      rows.map((r) => [r.key, { offset: r.offset, payload: JSON.parse(r.payload) as unknown }]),
    );
  } finally {
    db.close();
  }
}

const firstSeq = async (): Promise<number> => (await jsm.streams.info(streamOf('econ.live'))).state.first_seq;

/** Waits until the latest stream holds `offset` (the producing hub copies after the log has it). */
async function latestHolds(offset: number): Promise<void> {
  await until(`the latest stream to hold offset ${offset}`, async () => {
    const stream = latestStreamOf('econ.live');
    const { last_seq } = (await jsm.streams.info(stream)).state;
    const last = last_seq > 0 ? await jsm.streams.getMessage(stream, { seq: last_seq }) : null;
    return last?.json<{ offset: number }>().offset === offset || undefined;
  });
}

beforeAll(async () => {
  nats = await servers.single();
  const raw = await connect({ servers: nats.url });
  jsm = await jetstreamManager(raw);
  closeRaw = () => raw.close();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const h of hubs) await h.close();
  await closeRaw();
  await servers.cleanup();
});

describe('the latest value of every key in JetStream', () => {
  it('reaches a new hub, and its hosts, after the log stream dropped it; hostile copies are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-latest-'));
    const writer = await hubOn('hub-a', dir);
    const written = [event(A), event(B), event(C)];
    writer.publish(written);
    for (let i = 0; i < 4; i++) writer.publish(Array.from({ length: 5 }, () => event(D)));
    await latestHolds(23);
    // A, B and C are gone from the log stream: it holds D's last five writes only.
    const log = (await jsm.streams.info(streamOf('econ.live'))).state;
    expect({ first: log.first_seq, messages: log.messages }).toEqual({ first: 19, messages: 5 });

    // Another client writes straight into the latest stream, on subjects of keys of its own.
    const raw = await connect({ servers: nats.url });
    const js = jetstream(raw);
    const forged = (key: string, offset: number) => JSON.stringify({ ...event(key), offset });
    await js.publish(latestSubjectOf('econ.live', 'x1'), 'not json at all');
    await js.publish(latestSubjectOf('econ.live', 'x2'), forged('not-x2', 60), { msgID: 'econ.live:60' });
    await js.publish(latestSubjectOf('econ.live', 'x3'), forged('x3', 50), { msgID: 'econ.live:51' });
    await js.publish(latestSubjectOf('econ.live', 'x4'), JSON.stringify({ ...event('x4'), topic: 'ops.alerts' }));
    await raw.close();

    const fresh = await hubOn('hub-b', dir);
    expect(fresh.status().topics['econ.live']).toEqual({ head: 23, floor: 19 });
    expect(fresh.status().log).toMatchObject({ refused: 4 });
    const latest = replicaLatest(join(dir, 'hub-b.sqlite'));
    expect(Object.keys(latest).sort()).toEqual([A, B, C, D].sort());
    written.forEach((e, i) => expect(latest[e.key]).toEqual({ offset: i + 1, payload: e.payload }));
    expect(latest[D]).toMatchObject({ offset: 23, payload: { value: 23 } });

    // A host starting from nothing gets A, B and C in its snapshot, then D's later writes.
    const socket = hubClient(fresh.url, enrolDevice(fresh, 'wall-new', 'wall'));
    sockets.push(socket);
    const snapshot = new Promise<SnapshotMessage>((resolve) =>
      socket.on(HUB_EVENTS.snapshot, (message: unknown, ack: () => void) => {
        ack();
        resolve(SnapshotMessage.parse(message));
      }),
    );
    await socket.timeout(10_000).emitWithAck(HUB_EVENTS.subscribe, { topics: { 'econ.live': 0 } });
    const received = await snapshot;
    expect(received.upTo).toBe(23);
    expect(received.events.map((e) => [e.key, e.offset])).toEqual([
      [A, 1],
      [B, 2],
      [C, 3],
      [D, 23],
    ]);
  });

  it('brings a hub that was away longer than the retention forward with the keys it missed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-latest-away-'));
    const writer = hubs[0]!;
    const away = await hubOn('hub-c', dir);
    const before = away.status().topics['econ.live']!.head;
    await away.close();
    hubs.splice(hubs.indexOf(away), 1);
    const e = event('e');
    writer.publish([e]);
    // The producing hub copies from its replica: a burst larger than the whole log stream (5 here) before its replica
    // has read e would push e out unread. A site's retention is hours of events, not five.
    await latestHolds(before + 1);
    for (let i = 0; i < 3; i++) writer.publish(Array.from({ length: 5 }, () => event(D)));
    const head = before + 16;
    await latestHolds(head);
    expect(await firstSeq()).toBeGreaterThan(before + 1 + 4); // e and more are gone from the log stream

    const back = await hubOn('hub-c', dir);
    expect(back.status().topics['econ.live']).toMatchObject({ head, floor: head - 4 });
    expect(replicaLatest(join(dir, 'hub-c.sqlite'))['e']).toEqual({ offset: before + 1, payload: e.payload });
  });
});
