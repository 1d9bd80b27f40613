// Presets shared through a real hub by two real hosts: versions, a conflicting save detected (never lost), undo,
// manual override, revert and schedule — as /api/status, the bridge's layout events and the hub's log show them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import type { RunningHost } from '../../main/host/host.js';
import { type LayoutChange, OutboxItem, OutboxView } from '../../src/contract/bridge.js';
import { HostStatus } from '../../src/contract/host-status.js';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import type { SurfaceLayout } from '../../src/contract/wall.js';
import { PresetPayload } from '../../src/domain/presets/preset-schema.js';
import { defaultSurfaces } from '../../src/domain/default-wall.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { enrolDevice, enrolPerson, hubClient, TEST_PASSWORD } from '../support/hub-identity.js';
import { loginBridge } from '../support/people.js';
import { startTestHost, TWO_MONITORS, until } from '../support/start-test-host.js';

let hub: RunningHub;
let a: RunningHost;
let b: RunningHost;
let bridgeA: Socket;
let bridgeB: Socket;
const layoutEventsB: LayoutChange[] = [];

beforeAll(async () => {
  hub = await startHub({
    port: 0,
    logFile: join(mkdtempSync(join(tmpdir(), 'ioc-presets-hub-')), 'hub.sqlite'),
    demo: true,
    seed: 5,
    tickMs: 1000,
    version: 't',
    logger: createLogger('hub', 'error'),
  });
  await enrolPerson(hub, 'quan.tri', ['admin']);
  [a, b] = await Promise.all([
    startTestHost({ hub: hub.url, credential: enrolDevice(hub, 'bantruc-a', 'console') }),
    startTestHost({ hub: hub.url, credential: enrolDevice(hub, 'bantruc-b', 'console') }),
  ]);
  bridgeA = connectBridge(a.origin, a.token);
  bridgeB = connectBridge(b.origin, b.token);
  bridgeB.on('layout', (change: LayoutChange) => layoutEventsB.push(change));
  await Promise.all([connected(bridgeA), connected(bridgeB)]);
  // The same administrator, logged in on both consoles.
  const who = { user: 'quan.tri', password: TEST_PASSWORD };
  await until('both hosts connected', () =>
    a.status().feed.state === 'connected' && b.status().feed.state === 'connected' ? true : undefined,
  );
  // One after the other: the hub refuses a second attempt of a name while the first is being checked.
  await loginBridge(bridgeA, who);
  await loginBridge(bridgeB, who);
});

afterAll(async () => {
  bridgeA?.close();
  bridgeB?.close();
  await a?.close();
  await b?.close();
  await hub?.close();
});

const status = async (host: RunningHost) =>
  HostStatus.parse(await (await fetch(`${host.origin}/api/status?token=${host.token}`)).json());

/** Queues a command through the host's outbox and waits for the hub's answer. */
async function command(bridge: Socket, name: string, args: unknown): Promise<OutboxItem> {
  const queued = await call(bridge, 'command', { name, args });
  if (!queued.ok) throw new Error(queued.error.message);
  const id = OutboxItem.parse(queued.result).id;
  return until(`${name} answered`, async () => {
    const view = await call(bridge, 'outbox', {});
    const item = view.ok ? OutboxView.parse(view.result).items.find((i) => i.id === id) : undefined;
    return item && item.state !== 'queued' ? item : undefined;
  });
}

/** The presets a host holds, as its pages get them with hello. */
async function presetsOf(bridge: Socket): Promise<Map<string, PresetPayload>> {
  const hello = await call(bridge, 'hello', { role: 'console' });
  if (!hello.ok) throw new Error(hello.error.message);
  const latest = (hello.result as { latest: Envelope[] }).latest.filter((e) => e.topic === 'wall.presets');
  return new Map(latest.map((e) => [e.key, PresetPayload.parse(e.payload)]));
}

async function wallTiles(host: RunningHost): Promise<string[]> {
  return host.surfaces.all().flatMap((s) => s.layout.tiles.map((t) => t.id));
}

const withTile = (id: string): SurfaceLayout => ({
  columns: 12,
  rows: 8,
  tiles: [{ id, kind: 'clock', x: 0, y: 0, w: 6, h: 4, settings: { zones: ['Asia/Ho_Chi_Minh'] } }],
});

describe('presets through the hub', () => {
  it('both hosts load the demo presets at version 1', async () => {
    for (const host of [a, b]) {
      await until('presets loaded', async () => ((await status(host)).presets.presets === 3 ? true : undefined));
    }
    const presets = await presetsOf(bridgeB);
    expect([...presets.values()].map((p) => [p.name, p.version])).toEqual([
      ['Giao ban sáng', 1],
      ['Ứng phó khẩn cấp', 1],
      ['Theo dõi nhiệm vụ', 1],
    ]);
    expect((await status(a)).presets).toMatchObject({ activePresetId: null, override: false, source: 'none' });
  });

  it('detects the second of two saves based on version 1 as a conflict, and loses neither edit', async () => {
    const base = (await presetsOf(bridgeA)).get('giao-ban-sang')!;
    const fromA = { id: base.id, name: base.name, layouts: { 'wall-1': withTile('tile-from-a') } };
    const fromB = { id: base.id, name: 'Giao ban sáng (B)', layouts: { 'wall-1': withTile('tile-from-b') } };

    const savedA = await command(bridgeA, 'preset.save', { preset: fromA, baseVersion: 1 });
    expect(savedA).toMatchObject({ state: 'done', result: { status: 'applied' } });
    const savedB = await command(bridgeB, 'preset.save', { preset: fromB, baseVersion: 1 });
    expect(savedB).toMatchObject({ state: 'done', result: { status: 'rejected', reason: 'conflict' } });
    const message = (savedB.result as { message: string }).message;
    expect(message).toContain('conflict');
    expect(message).toContain('version 2');

    // Host B hears of A's version 2; B's edit is still in B's outbox item (its args), not silently dropped.
    await until('B has version 2', async () =>
      (await presetsOf(bridgeB)).get(base.id)?.version === 2 ? true : undefined,
    );
    expect((await presetsOf(bridgeB)).get(base.id)?.layouts['wall-1']?.tiles[0]?.id).toBe('tile-from-a');
    expect(savedB.args).toMatchObject({ preset: fromB, baseVersion: 1 });

    // B saves again on top of version 2: both edits are in the hub's history.
    const again = await command(bridgeB, 'preset.save', { preset: fromB, baseVersion: 2 });
    expect(again).toMatchObject({ result: { status: 'applied' } });
    const history = await presetHistory(base.id);
    expect(history.map((p) => [p.version, p.layouts['wall-1']?.tiles[0]?.id])).toEqual([
      [1, 'brief-gdp'],
      [2, 'tile-from-a'],
      [3, 'tile-from-b'],
    ]);
  });

  it('undo restores the previous version as a new one; a stale undo is a conflict too', async () => {
    const stale = await command(bridgeA, 'preset.undo', { presetId: 'giao-ban-sang', baseVersion: 2 });
    expect(stale).toMatchObject({ result: { status: 'rejected', reason: 'conflict' } });
    expect((stale.result as { message: string }).message).toMatch(/conflict.*version 3/);
    const undone = await command(bridgeA, 'preset.undo', { presetId: 'giao-ban-sang', baseVersion: 3 });
    expect(undone).toMatchObject({ result: { status: 'applied' } });
    await until('A has version 4', async () => {
      const p = (await presetsOf(bridgeA)).get('giao-ban-sang');
      return p?.version === 4 && p.layouts['wall-1']?.tiles[0]?.id === 'tile-from-a' ? true : undefined;
    });
  });

  it('activate overrides the wall on every host, revert returns it to the schedule', async () => {
    const before = await wallTiles(b);
    expect(before).toContain('live-biz');
    const on = await command(bridgeA, 'wall.activate', { presetId: 'ung-pho-khan-cap' });
    expect(on).toMatchObject({ result: { status: 'applied' } });
    for (const host of [a, b]) {
      await until('override shown', async () =>
        (await status(host)).presets.activePresetId === 'ung-pho-khan-cap' ? true : undefined,
      );
      expect((await status(host)).presets).toMatchObject({
        name: 'Ứng phó khẩn cấp',
        version: 1,
        override: true,
        source: 'override',
      });
    }
    // Both surfaces of host B took the preset's layouts, and its windows were told.
    expect(await wallTiles(b)).toEqual(['emerg-alerts', 'emerg-clock', 'emerg-conn', 'emerg-alerts-active']);
    await until('layout events', () => (layoutEventsB.length >= 2 ? true : undefined));
    expect(layoutEventsB.slice(-2).map((e) => [e.surfaceId, e.presetId, e.version])).toEqual([
      ['wall-1', 'ung-pho-khan-cap', 1],
      ['wall-2', 'ung-pho-khan-cap', 1],
    ]);
    const hello = await call(bridgeB, 'hello', { role: 'wall', surfaceId: 'wall-2' });
    expect(hello.ok && (hello.result as { surface: { layout: SurfaceLayout } }).surface.layout.tiles[0]?.id).toBe(
      'emerg-alerts-active',
    );

    const off = await command(bridgeB, 'wall.revertToSchedule', {});
    expect(off).toMatchObject({ result: { status: 'applied' } });
    await until('back to the default layouts', async () => {
      const s = await status(a);
      return s.presets.activePresetId === null && !s.presets.override ? true : undefined;
    });
    await until('default tiles on B', async () => ((await wallTiles(b)).includes('live-biz') ? true : undefined));
    expect(await wallTiles(b)).toEqual(before);
  });

  it('a schedule drives the wall; a surface the preset lacks keeps its default layout', async () => {
    const rejected = await command(bridgeA, 'wall.setSchedule', {
      entries: [{ presetId: 'khong-co', days: [1], from: '07:00', to: '09:00' }],
    });
    expect(rejected).toMatchObject({
      result: { status: 'rejected', reason: 'not-found', message: 'no preset khong-co' },
    });
    const allWeek = [1, 2, 3, 4, 5, 6, 7];
    const set = await command(bridgeA, 'wall.setSchedule', {
      entries: [{ presetId: 'giao-ban-sang', days: allWeek, from: '00:00', to: '00:00' }],
    });
    expect(set).toMatchObject({ result: { status: 'applied' } });
    await until('scheduled preset', async () =>
      (await status(b)).presets.activePresetId === 'giao-ban-sang' ? true : undefined,
    );
    expect((await status(b)).presets).toMatchObject({
      version: 4,
      override: false,
      source: 'schedule',
      nextChange: null,
    });
    // Version 4 covers wall-1 only: wall-2 keeps the demo's layout.
    const [wall1, wall2] = b.surfaces.all();
    expect(wall1?.layout.tiles.map((t) => t.id)).toEqual(['tile-from-a']);
    expect(wall2?.layout).toEqual(defaultSurfaces(TWO_MONITORS)[1]?.layout);

    // A delete takes the preset off the wall; undo brings it back.
    const del = await command(bridgeA, 'preset.delete', { presetId: 'giao-ban-sang', baseVersion: 4 });
    expect(del).toMatchObject({ result: { status: 'applied' } });
    await until('deleted preset off the wall', async () =>
      (await status(b)).presets.activePresetId === null ? true : undefined,
    );
    expect((await status(b)).presets.presets).toBe(2);
    const activateDeleted = await command(bridgeA, 'wall.activate', { presetId: 'giao-ban-sang' });
    expect(activateDeleted).toMatchObject({ result: { status: 'rejected', reason: 'not-found' } });
    await command(bridgeA, 'preset.undo', { presetId: 'giao-ban-sang', baseVersion: 5 });
    await until('restored preset back on the wall', async () =>
      (await status(b)).presets.activePresetId === 'giao-ban-sang' ? true : undefined,
    );
  });
});

function presetHistory(id: string): Promise<PresetPayload[]> {
  return new Promise((resolve) => {
    const s = hubClient(hub.url, enrolDevice(hub, 'wall-reader', 'wall'));
    const out: PresetPayload[] = [];
    s.on('events', (batch: Envelope[], ack: () => void) => {
      for (const e of batch) if (e.key === id) out.push(PresetPayload.parse(e.payload));
      ack();
    });
    void s
      .timeout(5000)
      .emitWithAck('subscribe', { topics: { 'wall.presets': 0 } })
      .then(() =>
        setTimeout(() => {
          s.close();
          resolve(out);
        }, 500),
      );
  });
}
