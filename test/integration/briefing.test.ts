// A briefing of three scenes presented through a real hub: prepared and driven by a leader on a second host (the
// presenter's tablet or console), followed by the room's host — every surface's layout and focus, scene by scene,
// in order — refused to a viewer, and carried through the hub going away (the room's host restarted from its cache
// on the same scene, the presenter's press queued and applied once the hub is back).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '../../hub/hub-server.js';
import type { RunningHost } from '../../main/host/host.js';
import { createLogger } from '../../platform/logger.js';
import { type LayoutChange, OutboxItem, OutboxView } from '../../src/contract/bridge.js';
import type { BriefingDraftInput } from '../../src/domain/briefing/briefing-schema.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { enrolDevice, enrolPerson, TEST_PASSWORD } from '../support/hub-identity.js';
import { loginBridge } from '../support/people.js';
import { startTestHost, until } from '../support/start-test-host.js';

const dir = mkdtempSync(join(tmpdir(), 'ioc-briefing-'));
const hubFile = join(dir, 'hub.sqlite');
const roomDir = join(dir, 'room');
let hub: RunningHub;
let hubPort: number;
let room: RunningHost;
let presenter: RunningHost;
let roomBridge: Socket;
let presenterBridge: Socket;
let viewerBridge: Socket;
let roomCredential: ReturnType<typeof enrolDevice>;
const layouts: LayoutChange[] = [];

function openHub(port: number, demo: boolean): Promise<RunningHub> {
  return startHub({
    port,
    logFile: hubFile,
    demo,
    seed: 12,
    tickMs: 1000,
    version: 't',
    logger: createLogger('hub', 'error'),
  });
}

function followLayouts(bridge: Socket): void {
  bridge.on('layout', (change: LayoutChange) => layouts.push(change));
}

beforeAll(async () => {
  hub = await openHub(0, true);
  hubPort = Number(new URL(hub.url).port);
  await enrolPerson(hub, 'lanh.dao', ['leader']);
  await enrolPerson(hub, 'nguoi.xem', ['viewer']);
  roomCredential = enrolDevice(hub, 'phong-hop', 'console');
  [room, presenter] = await Promise.all([
    startTestHost({ hub: hub.url, dataDir: roomDir, credential: roomCredential }),
    startTestHost({ hub: hub.url, credential: enrolDevice(hub, 'may-tinh-bang', 'console') }),
  ]);
  roomBridge = connectBridge(room.origin, room.token);
  viewerBridge = connectBridge(room.origin, room.token);
  presenterBridge = connectBridge(presenter.origin, presenter.token);
  followLayouts(roomBridge);
  await Promise.all([connected(roomBridge), connected(viewerBridge), connected(presenterBridge)]);
  await until('both hosts connected', () =>
    room.status().feed.state === 'connected' && presenter.status().feed.state === 'connected' ? true : undefined,
  );
  await loginBridge(presenterBridge, { user: 'lanh.dao', password: TEST_PASSWORD });
  await loginBridge(viewerBridge, { user: 'nguoi.xem', password: TEST_PASSWORD });
}, 60_000);

afterAll(async () => {
  for (const b of [roomBridge, presenterBridge, viewerBridge]) b?.close();
  await room?.close();
  await presenter?.close();
  await hub?.close();
});

/** Queues a command through the host's outbox and waits for the hub's answer. */
async function command(bridge: Socket, name: string, args: unknown, timeoutMs = 15_000): Promise<OutboxItem> {
  const queued = await call(bridge, 'command', { name, args });
  if (!queued.ok) throw new Error(queued.error.message);
  const id = OutboxItem.parse(queued.result).id;
  return until(
    `${name} answered`,
    async () => {
      const view = await call(bridge, 'outbox', {});
      const item = view.ok ? OutboxView.parse(view.result).items.find((i) => i.id === id) : undefined;
      return item && item.state !== 'queued' ? item : undefined;
    },
    timeoutMs,
  );
}

const BRIEFING: BriefingDraftInput = {
  id: 'giao-ban-thang-11',
  name: 'Giao ban tháng 11/2026',
  scenes: [
    {
      id: 'kinh-te',
      title: 'Kinh tế – xã hội',
      presetId: 'giao-ban-sang',
      focus: [{ kind: 'kpi', surfaceId: 'wall-1', tileId: 'brief-cpi' }],
      notes: 'Nhấn mạnh CPI tháng này.',
    },
    { id: 'khan-cap', title: 'Ứng phó khẩn cấp', presetId: 'ung-pho-khan-cap', durationS: 60 },
    {
      id: 'nhiem-vu',
      title: 'Nhiệm vụ Chính phủ giao',
      presetId: 'theo-doi-nhiem-vu',
      focus: [{ kind: 'kpi', surfaceId: 'wall-2', tileId: 'follow-disb' }],
    },
  ],
};

/** What a surface of the room shows: its first tile and the tiles with a focus. */
function shown(host: RunningHost): Array<{ first: string | undefined; focused: string[] }> {
  return host.surfaces.all().map((s) => ({
    first: s.layout.tiles[0]?.id,
    focused: s.layout.tiles.filter((t) => t.focus).map((t) => `${t.id}:${t.focus?.kind}`),
  }));
}

const SCENES = [
  [
    { first: 'brief-gdp', focused: ['brief-cpi:kpi'] },
    { first: 'brief-tasks', focused: [] },
  ],
  [
    { first: 'emerg-alerts', focused: [] },
    { first: 'emerg-alerts-active', focused: [] },
  ],
  [
    { first: 'follow-tasks', focused: [] },
    { first: 'follow-disb', focused: ['follow-disb:kpi'] },
  ],
];

async function roomShows(scene: number, host = room): Promise<void> {
  const want = JSON.stringify(SCENES[scene]);
  await until(`room shows scene ${scene + 1}`, () => (JSON.stringify(shown(host)) === want ? true : undefined));
}

describe('a briefing presented from a second host', () => {
  it('is saved by the leader and followed, scene by scene, by every surface of the room in order', async () => {
    const before = JSON.stringify(shown(room));
    expect(await command(presenterBridge, 'briefing.save', { briefing: BRIEFING, baseVersion: 0 })).toMatchObject({
      result: { status: 'applied' },
    });
    expect(await command(presenterBridge, 'briefing.start', { briefingId: BRIEFING.id })).toMatchObject({
      result: { status: 'applied' },
    });
    await roomShows(0);
    expect(await command(presenterBridge, 'briefing.next', { from: 'kinh-te' })).toMatchObject({
      result: { status: 'applied' },
    });
    await roomShows(1);
    // A second press made on the scene already left is refused, not applied twice.
    expect(await command(presenterBridge, 'briefing.next', { from: 'kinh-te' })).toMatchObject({
      result: { status: 'rejected', reason: 'conflict' },
    });
    await command(presenterBridge, 'briefing.next', { from: 'khan-cap' });
    await roomShows(2);
    await command(presenterBridge, 'briefing.previous', {});
    await roomShows(1);
    // Every surface was told of every scene, in order, each with the scene's preset. (A change without a preset is
    // the wall's own layout answering an alarm, e.g. a zoom-map response: not the briefing's.)
    const order = (surfaceId: string) =>
      layouts.filter((c) => c.surfaceId === surfaceId && c.presetId !== null).map((c) => c.presetId);
    for (const surfaceId of ['wall-1', 'wall-2']) {
      expect(order(surfaceId)).toEqual(['giao-ban-sang', 'ung-pho-khan-cap', 'theo-doi-nhiem-vu', 'ung-pho-khan-cap']);
    }
    expect(JSON.stringify(shown(room))).not.toBe(before);
  });

  it('cannot be driven by a viewer', async () => {
    for (const [name, args] of [
      ['briefing.next', {}],
      ['briefing.end', {}],
      ['briefing.black', { on: true }],
    ] as const) {
      expect(await command(viewerBridge, name, args)).toMatchObject({
        result: { status: 'rejected', reason: 'forbidden' },
      });
    }
    await roomShows(1);
  });

  it('survives the hub going away: the room restarts on its scene, a press waits for the hub and is applied once', async () => {
    roomBridge.close();
    viewerBridge.close();
    await hub.close();
    await room.close();
    room = await startTestHost({ hub: `http://127.0.0.1:${hubPort}`, dataDir: roomDir, credential: roomCredential });
    await roomShows(1);

    // Pressed while the hub is away: queued in the presenter's outbox.
    const queued = await call(presenterBridge, 'command', { name: 'briefing.next', args: { from: 'khan-cap' } });
    if (!queued.ok) throw new Error(queued.error.message);
    hub = await openHub(hubPort, false);
    await until(
      'the queued next answered',
      async () => {
        const view = await call(presenterBridge, 'outbox', {});
        const id = OutboxItem.parse(queued.result).id;
        const item = view.ok ? OutboxView.parse(view.result).items.find((i) => i.id === id) : undefined;
        return item?.state === 'done' ? item : undefined;
      },
      30_000,
    );
    await roomShows(2);

    await command(presenterBridge, 'briefing.end', {});
    await until('room back to its own layouts', () =>
      // A map may be zoomed by an alarm's response once the briefing no longer holds the wall.
      room.surfaces
        .all()
        .every((s) => s.layout.tiles.every((t) => (!t.focus || t.focus.kind === 'map') && !t.id.startsWith('follow-')))
        ? true
        : undefined,
    );
  }, 90_000);
});
