// Operator actions: stored before they are shown as queued, delivered when the hub is back, applied exactly
// once — even when the host is killed between sending an action and hearing the answer.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { DeviceCredential } from '../../src/contract/people.js';
import { openCache } from '../../main/host/cache/open-cache.js';
import { Outbox } from '../../main/host/cache/outbox.js';
import { createLogger } from '../../platform/logger.js';
import { OutboxItem } from '../../src/contract/bridge.js';
import { HostStatus } from '../../src/contract/host-status.js';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import type { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { runCli, type CliRun } from '../support/cli-process.js';
import {
  consoleOperator,
  enrolDevice,
  enrolPerson,
  headlessHostArgs,
  hubClient,
  TEST_PASSWORD,
  writeCredentialFile,
} from '../support/hub-identity.js';
import { type Credentials, loginBridge } from '../support/people.js';
import { until } from '../support/start-test-host.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function hubAt(logFile: string, port = 0): Promise<RunningHub> {
  return startHub({
    port,
    logFile,
    demo: true,
    seed: 11,
    tickMs: 1000,
    version: 't',
    logger: createLogger('hub', 'error'),
  });
}

/** A wall device that only watches: enrolled once per hub file. */
const watchers = new WeakMap<RunningHub, DeviceCredential>();
function watcher(hub: RunningHub): DeviceCredential {
  const known = watchers.get(hub) ?? enrolDevice(hub, `watcher-${Math.random().toString(36).slice(2, 8)}`, 'wall');
  watchers.set(hub, known);
  return known;
}

async function activeAlert(hub: RunningHub): Promise<string> {
  const s = hubClient(hub.url, watcher(hub));
  const alerts = new Map<string, Alarm>();
  s.on('events', (batch: Envelope[], ack: () => void) => {
    for (const e of batch) alerts.set(e.key, e.payload as Alarm);
    ack();
  });
  await s.timeout(5000).emitWithAck('subscribe', { topics: { 'ops.alerts': 0 } });
  const id = await until('an active alert', () => [...alerts.values()].find((a) => a.state === 'unack')?.id);
  s.close();
  return id;
}

function alertEvents(hub: RunningHub, id: string): Promise<Envelope[]> {
  return new Promise((resolve) => {
    const s = hubClient(hub.url, watcher(hub));
    const out: Envelope[] = [];
    s.on('events', (batch: Envelope[], ack: () => void) => {
      out.push(...batch.filter((e) => e.key === id));
      ack();
    });
    void s
      .timeout(5000)
      .emitWithAck('subscribe', { topics: { 'ops.alerts': 0 } })
      .then(() =>
        setTimeout(() => {
          s.close();
          resolve(out);
        }, 500),
      );
  });
}

describe('commands at the hub', () => {
  it('applies an idempotency key once and answers a repeat with the first result', async () => {
    const hub = await hubAt(join(mkdtempSync(join(tmpdir(), 'ioc-hub-')), 'log.sqlite'));
    cleanups.push(() => hub.close());
    const id = await activeAlert(hub);
    const { socket: s, grant } = await consoleOperator(hub);
    cleanups.push(() => void s.close());
    const cmd = {
      key: 'key-0000000001',
      name: 'alarm.acknowledge',
      args: { alarmIds: [id] },
      issuedAt: Date.now(),
      session: grant.accessToken,
    };
    const a = await s.timeout(5000).emitWithAck('command', cmd);
    const b = await s.timeout(5000).emitWithAck('command', cmd);
    expect(a).toMatchObject({ ok: true, duplicate: false, result: { status: 'applied' } });
    expect(b).toMatchObject({ ok: true, duplicate: true, result: a.result });
    const other = await s.timeout(5000).emitWithAck('command', { ...cmd, key: 'key-0000000002' });
    expect(other).toMatchObject({
      ok: true,
      duplicate: false,
      result: { status: 'rejected', reason: 'invalid-state' },
    });
    const bad = await s.timeout(5000).emitWithAck('command', { ...cmd, key: 'k', args: {} });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/key/);
    const acks = (await alertEvents(hub, id)).filter((e) => (e.payload as Alarm).state === 'acked');
    expect(acks).toHaveLength(1);
    expect(hub.status().commands).toBe(2);
  });

  it("delivers a backlog larger than the hub's rate limit whole: refused for rate, an item waits and goes again", async () => {
    const hub = await hubAt(join(mkdtempSync(join(tmpdir(), 'ioc-hub-')), 'log.sqlite'));
    cleanups.push(() => hub.close());
    const id = await activeAlert(hub);
    const file = join(mkdtempSync(join(tmpdir(), 'ioc-outbox-')), 'cache.sqlite');
    const cache = openCache(file, createLogger('host', 'error')).db;
    const outbox = new Outbox(cache, createLogger('host', 'error'));
    cleanups.push(() => {
      outbox.close();
      cache.close();
    });
    const { socket: s, grant } = await consoleOperator(hub);
    cleanups.push(() => void s.close());
    const session = grant.accessToken;
    for (let i = 0; i < 150; i++) outbox.enqueue('alarm.note', { alarmId: id, text: `ghi chú ${i}` }, session);
    const burst = { key: 'burst-00000001', name: 'alarm.note', args: { alarmId: id, text: 'x' }, session };
    let first = true;
    outbox.setTransport((request) => {
      // The connection's burst used up in the same tick: the outbox's first send meets the limit.
      if (first) for (let i = 0; i < 150; i++) s.emit('command', { ...burst, issuedAt: 1 });
      first = false;
      return s.timeout(10_000).emitWithAck('command', request);
    });
    await until('the backlog delivered', () => (outbox.depth() === 0 ? true : undefined), 30_000);
    const items = outbox.list(200);
    expect(items.filter((item) => item.state !== 'done')).toEqual([]);
    expect(items.filter((item) => item.attempts > 1).length).toBeGreaterThan(0);
    expect(hub.status().commands).toBe(151);
  });
});

describe('outbox of the host', () => {
  /** The host's console device enrolled on the hub, and a person logged in on it: their access token. */
  /** The host's console device, and the person who will log in on its console page. */
  async function enrolHost(hub: RunningHub, dir: string): Promise<{ credentialFile: string; who: Credentials }> {
    await enrolPerson(hub, 'huong.nt', ['operator']);
    const credential = enrolDevice(hub, 'bantruc-1', 'console');
    return { credentialFile: writeCredentialFile(dir, credential), who: { user: 'huong.nt', password: TEST_PASSWORD } };
  }
  async function startHost(
    hubUrl: string,
    dataDir: string,
    credentialFile: string,
  ): Promise<{ app: CliRun; origin: string; token: string }> {
    const app = runCli(headlessHostArgs(hubUrl, credentialFile, dataDir));
    const m = await app.waitFor(/console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
    return { app, origin: m[1]!, token: m[2]! };
  }
  const status = async (h: { origin: string; token: string }) =>
    HostStatus.parse(await (await fetch(`${h.origin}/api/status?token=${h.token}`)).json());

  it('queues an acknowledgement made while the hub is down and delivers it once when it returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-outbox-'));
    const logFile = join(dir, 'hub.sqlite');
    let hub = await hubAt(logFile);
    const hubPort = hub.port;
    const id = await activeAlert(hub);
    const { credentialFile, who } = await enrolHost(hub, dir);
    const host = await startHost(hub.url, join(dir, 'host'), credentialFile);
    cleanups.push(() => host.app.stop());
    await until('connected', async () => ((await status(host)).feed.state === 'connected' ? true : undefined));
    // The operator logged in before the outage; the action is theirs when it is delivered after it.
    const bridge = connectBridge(host.origin, host.token);
    cleanups.push(() => void bridge.close());
    await connected(bridge);
    await loginBridge(bridge, who);
    await hub.close();
    await until('reconnecting', async () => ((await status(host)).feed.state !== 'connected' ? true : undefined));

    const queued = await call(bridge, 'command', {
      name: 'alarm.acknowledge',
      args: { alarmIds: [id], note: 'Đã điều đội cứu hộ' },
    });
    expect(queued.ok).toBe(true);
    expect(OutboxItem.parse(queued.ok && queued.result).state).toBe('queued');
    expect((await status(host)).outbox.depth).toBe(1);

    hub = await hubAt(logFile, hubPort);
    cleanups.push(() => hub.close());
    await until('delivered', async () => ((await status(host)).outbox.depth === 0 ? true : undefined), 30_000);
    const view = await call(bridge, 'outbox', {});
    expect(view.ok && (view.result as { items: OutboxItem[] }).items[0]).toMatchObject({
      state: 'done',
      result: { status: 'applied' },
    });
    const events = await alertEvents(hub, id);
    expect(events.filter((e) => (e.payload as Alarm).state === 'acked')).toHaveLength(1);
    expect(hub.status().commands).toBe(1);
  });

  it('applies an action exactly once when the host is killed between sending it and hearing the answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ioc-outbox-'));
    const hub = await hubAt(join(dir, 'hub.sqlite'));
    cleanups.push(() => hub.close());
    const proxy: TcpProxy = await startTcpProxy(hub.port);
    cleanups.push(() => proxy.close());
    const id = await activeAlert(hub);
    const { credentialFile, who } = await enrolHost(hub, dir);
    const first = await startHost(proxy.url, join(dir, 'host'), credentialFile);
    await until('connected', async () => ((await status(first)).feed.state === 'connected' ? true : undefined));
    const bridge = connectBridge(first.origin, first.token);
    await connected(bridge);
    await loginBridge(bridge, who);

    proxy.stallDownstream(true); // the hub's answers no longer reach the host
    const queued = await call(bridge, 'command', { name: 'alarm.acknowledge', args: { alarmIds: [id] } });
    expect(queued.ok).toBe(true);
    await until('the hub applied it', () => (hub.status().commands === 1 ? true : undefined));
    bridge.close();
    first.app.child.kill('SIGKILL');
    await first.app.exited();
    proxy.dropAll();
    proxy.stallDownstream(false);

    // The action survived the kill, still unconfirmed: the host never heard the hub's answer.
    const db = new Database(join(dir, 'host', 'cache.sqlite'), { readonly: true });
    expect(db.prepare('SELECT state FROM outbox').all()).toEqual([{ state: 'queued' }]);
    db.close();
    const second = await startHost(proxy.url, join(dir, 'host'), credentialFile);
    cleanups.push(() => second.app.stop());
    await until('confirmed', async () => ((await status(second)).outbox.depth === 0 ? true : undefined), 30_000);
    const b2 = connectBridge(second.origin, second.token);
    cleanups.push(() => void b2.close());
    await connected(b2);
    const view = await call(b2, 'outbox', {});
    expect(view.ok && (view.result as { items: OutboxItem[] }).items[0]).toMatchObject({ state: 'done', attempts: 2 });
    expect(hub.status().commands).toBe(1);
    const events = await alertEvents(hub, id);
    expect(events.filter((e) => (e.payload as Alarm).state === 'acked')).toHaveLength(1);
  });
});
