// Rule-driven alarms end to end: a real hub on loopback with its SQLite file, two hosts each with a person logged
// in on its console bridge. A value crosses a rule's threshold and the alarm reaches both hosts; it escalates
// when nobody answers; one operator acknowledges and both hosts see it, audited with that person and console; a
// shelved alarm comes back when its shelving ends; an acknowledgement made while the hub is down is applied
// once when it returns, in the name of the person who made it, and the host meanwhile raises its own alarm. The engine's clock is moved on rather than
// waited for (a shelve lasts at least a minute).
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../main/host/host.js';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { OutboxItem } from '../../src/contract/bridge.js';
import type { CommandArgs, CommandName } from '../../src/contract/commands.js';
import type { NewEvent } from '../../hub/event-log.js';
import { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { consoleOperator, enrolDevice, enrolPerson, TEST_PASSWORD } from '../support/hub-identity.js';
import { loginBridge } from '../support/people.js';
import { startTestHost, until } from '../support/start-test-host.js';

const RULE = {
  id: 'lu-song-hong',
  kind: 'threshold',
  name: 'CPI Hà Nội vượt ngưỡng',
  priority: 'emergency',
  area: { province: '01', unit: null },
  watch: { topic: 'econ.indicators', key: '01:cpi' },
  direction: 'above',
  limit: 4,
  deadband: 0.1,
  escalationMinutes: 1,
} as const;
const ALARM_ID = 'lu-song-hong:01:cpi';
const MINUTE = 60_000;

const cpi = (value: number): NewEvent => ({
  topic: 'econ.indicators',
  key: '01:cpi',
  source: 'test',
  time: Date.now(),
  payload: { province: '01', indicator: 'cpi', value, period: '2026-11', status: 'preliminary', sourceSystem: 'thử' },
});

interface Console {
  host: RunningHost;
  bridge: Socket;
  person: string;
  device: string;
}

let dir: string;
let logFile: string;
let hub: RunningHub;
/** How far the alarm engine's clock is ahead of the wall clock. */
let skew = 0;
const consoles: Console[] = [];

function startFileHub(port = 0): Promise<RunningHub> {
  return startHub({
    port,
    logFile,
    demo: false,
    version: 't',
    logger: createLogger('hub', 'error'),
    alarmClock: () => Date.now() + skew,
  });
}

async function openConsole(device: string, person: string): Promise<Console> {
  const credential = enrolDevice(hub, device, 'console');
  await enrolPerson(hub, person, ['operator']);
  const host = await startTestHost({ hub: hub.url, credential, hubDownAlarmS: 1 });
  const origin = new URL(host.urlFor('/')).origin;
  const bridge = connectBridge(origin, host.token);
  await connected(bridge);
  await loginBridge(bridge, { user: person, password: TEST_PASSWORD });
  return { host, bridge, person, device };
}

/** The alarm's record as the host holds it now. */
async function seenBy(c: Console): Promise<Alarm | undefined> {
  const r = await call(c.bridge, 'history', { topic: 'ops.alerts', key: ALARM_ID, since: 0 });
  if (!r.ok) throw new Error(r.error.message);
  const events = r.result as { payload: unknown }[];
  return events.length === 0 ? undefined : Alarm.parse(events.at(-1)!.payload);
}

/** Both hosts hold a record of the alarm that `ok` accepts. */
async function onBoth(what: string, ok: (a: Alarm) => boolean): Promise<Alarm[]> {
  return until(what, async () => {
    const seen = await Promise.all(consoles.map(seenBy));
    return seen.every((a) => a !== undefined && ok(a)) ? (seen as Alarm[]) : undefined;
  });
}

async function send<K extends CommandName>(c: Console, name: K, args: CommandArgs<K>): Promise<OutboxItem> {
  const r = await call(c.bridge, 'command', { name, args });
  if (!r.ok) throw new Error(r.error.message);
  return OutboxItem.parse(r.result);
}

async function delivered(c: Console, key: string): Promise<OutboxItem> {
  return until(
    `${key} delivered`,
    async () => {
      const r = await call(c.bridge, 'outbox', {});
      const item = r.ok ? (r.result as { items: OutboxItem[] }).items.find((i) => i.key === key) : undefined;
      return item?.state === 'done' ? item : undefined;
    },
    30_000,
  );
}

function audited(action: string): { person: string; device: string; outcome: string }[] {
  const db = new Database(logFile, { readonly: true });
  try {
    return db
      .prepare('SELECT person, device, outcome FROM audit_log WHERE action = ? AND target = ? ORDER BY seq')
      .all(action, `alarm:${ALARM_ID}`) as { person: string; device: string; outcome: string }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-alarm-hub-'));
  logFile = join(dir, 'hub.sqlite');
  hub = await startFileHub();
  const admin = await consoleOperator(hub, 'quan-tri', ['admin']);
  const saved = await admin.socket.timeout(10_000).emitWithAck('command', {
    key: 'rule-save-000001',
    name: 'rule.save',
    args: { rule: RULE, baseVersion: 0 },
    issuedAt: Date.now(),
    session: admin.grant.accessToken,
  });
  admin.socket.close();
  expect(saved).toMatchObject({ ok: true, result: { status: 'applied' } });
  consoles.push(await openConsole('bantruc-1', 'lan.nt'), await openConsole('bantruc-2', 'minh.pv'));
  hub.publish([cpi(3.8)]);
}, 60_000);

afterAll(async () => {
  for (const c of consoles) {
    c.bridge.close();
    await c.host.close();
  }
  await hub.close();
});

describe('alarms from rules, across hosts', () => {
  it('raises an alarm on both hosts when a value crosses the threshold', async () => {
    hub.publish([cpi(4.3)]);
    const [a] = await onBoth('the alarm on both hosts', (x) => x.state === 'unack');
    expect(a).toMatchObject({ ruleId: RULE.id, priority: 'emergency', value: 4.3, threshold: 4, escalation: null });
    expect(a!.timeline.at(-1)!.by).toEqual({ kind: 'system', source: `rule:${RULE.id}` });
  });

  it("escalates an alarm nobody acknowledged after its rule's time", async () => {
    hub.alarms.tick();
    expect((await seenBy(consoles[0]!))!.escalation).toBeNull();
    skew += MINUTE + 1000;
    hub.alarms.tick();
    await onBoth('escalated on both hosts', (x) => x.escalation?.level === 1);
  });

  it('shows an acknowledgement on one console on both, audited with that person and console', async () => {
    const [lan] = consoles as [Console, Console];
    const item = await send(lan, 'alarm.acknowledge', { alarmIds: [ALARM_ID], note: 'Đã liên hệ Sở Tài chính' });
    await delivered(lan, item.key);
    const [a] = await onBoth('acknowledged on both hosts', (x) => x.state === 'acked');
    expect(a!.escalation).toBeNull();
    expect(a!.timeline.at(-1)!.by).toEqual({ kind: 'person', person: 'lan.nt', device: 'bantruc-1' });
    expect(audited('alarm.acknowledge')).toEqual([{ person: 'lan.nt', device: 'bantruc-1', outcome: 'ok' }]);
  });

  it('hides a shelved alarm and brings it back when the shelving ends', async () => {
    const [, minh] = consoles as [Console, Console];
    const item = await send(minh, 'alarm.shelve', { alarmId: ALARM_ID, minutes: 1, reason: 'Đang kiểm tra số liệu' });
    await delivered(minh, item.key);
    await onBoth('shelved on both hosts', (x) => x.state === 'shelved');
    hub.alarms.tick();
    expect((await seenBy(minh))!.state).toBe('shelved');
    skew += MINUTE + 1000;
    hub.alarms.tick();
    const [a] = await onBoth('back on both hosts', (x) => x.state === 'unack');
    expect(a!.timeline.at(-1)).toMatchObject({ event: 'shelve-expired', by: { kind: 'system' } });
  });

  it('applies an acknowledgement made while the hub was down once, by the person who made it', async () => {
    const [, minh] = consoles as [Console, Console];
    const port = hub.port;
    await hub.close();
    await until('the host sees the hub gone', () => (minh.host.status().feed.state !== 'connected' ? true : undefined));
    // The host's own rule, run on the host: the hub away longer than it allows raises a local alarm.
    const local = await until('the host alarm for the link', () => minh.host.status().alarms[0]);
    expect(local).toMatchObject({ ruleId: 'host-hub-link', state: 'unack' });
    const item = await send(minh, 'alarm.acknowledge', { alarmIds: [ALARM_ID] });
    expect(item.state).toBe('queued');
    hub = await startFileHub(port);
    await until('the link alarm cleared', () => (minh.host.status().alarms.length === 0 ? true : undefined));
    const done = await delivered(minh, item.key);
    expect(done.result).toMatchObject({ status: 'applied' });
    const [a] = await onBoth('acknowledged again on both hosts', (x) => x.state === 'acked');
    expect(a!.timeline.at(-1)!.by).toEqual({ kind: 'person', person: 'minh.pv', device: 'bantruc-2' });
    expect(audited('alarm.acknowledge')).toEqual([
      { person: 'lan.nt', device: 'bantruc-1', outcome: 'ok' },
      { person: 'minh.pv', device: 'bantruc-2', outcome: 'ok' },
    ]);
    // Once: a single acknowledgement of this alarm after the shelving ended.
    const r = await call(minh.bridge, 'history', { topic: 'ops.alerts', key: ALARM_ID, since: 0 });
    const acks = (r.ok ? (r.result as { payload: Alarm }[]) : []).filter(
      (e) => e.payload.timeline.at(-1)?.event === 'acknowledge',
    );
    expect(acks).toHaveLength(2);
  });
});
