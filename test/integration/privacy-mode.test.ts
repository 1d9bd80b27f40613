// Privacy mode through a real host and its embedded hub: switched by a logged-in person's audited command, it
// scrubs in the host — so no websocket frame to a window (live feed, hello, history) carries a person's name or
// a field its topic marks personal — and switching it off restores them.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../main/host/host.js';
import { testAlarm } from '../support/alarms.js';
import { call, connectBridge, connected } from '../support/bridge-client.js';
import { loginBridge } from '../support/people.js';
import { startTestHost, until } from '../support/start-test-host.js';

const NAME = 'Trần Văn Bình';
let host: RunningHost;
let wall: Socket;
let console_: Socket;
/** Every packet the wall window received, as text: what a page's memory or a screenshot could hold. */
let frames: string[] = [];

/** An acknowledged alarm with a note, both by NAME: the person appears in the timeline and the notes. */
const alert = (id: string) =>
  testAlarm({ id, title: 'Ngập úng cục bộ', province: '79', at: Date.now(), then: ['acknowledge', 'note'], by: NAME });

function publishAlert(id: string): void {
  host.hub!.publish([{ topic: 'ops.alerts', key: id, source: 'test', time: Date.now(), payload: alert(id) }]);
}

const seen = (text: string): true | undefined => (frames.some((f) => f.includes(text)) ? true : undefined);

async function setPrivacy(on: boolean): Promise<void> {
  const r = await call(console_, 'command', { name: 'wall.setPrivacy', args: { on } });
  expect(r.ok).toBe(true);
  await until(`privacy ${on ? 'on' : 'off'} on the wall`, () => seen(`"privacy":${on}`));
}

/** What a page does on `resync`: say hello again, and read a history. */
async function repaint(): Promise<void> {
  expect((await call(wall, 'hello', { role: 'wall', surfaceId: host.surfaces.all()[0]!.id })).ok).toBe(true);
  expect((await call(wall, 'history', { topic: 'ops.alerts', since: 0 })).ok).toBe(true);
}

beforeAll(async () => {
  host = await startTestHost({ demo: false });
  wall = connectBridge(host.origin, host.wallToken);
  // The raw engine.io packets (socket.io frames as they arrive), including the answers to calls.
  const capture = (p: { data?: unknown }): number =>
    frames.push(typeof p.data === 'string' ? p.data : JSON.stringify(p.data ?? ''));
  wall.io.on('open', () => wall.io.engine.on('packet', capture));
  await connected(wall);
  console_ = connectBridge(host.origin, host.token);
  await connected(console_);
  await loginBridge(console_, { user: host.demoLogin!.user, password: host.demoLogin!.password! });
}, 60_000);

afterAll(async () => {
  wall?.close();
  console_?.close();
  await host?.close();
});

describe('privacy mode', () => {
  it('off: names reach the wall', async () => {
    await repaint();
    publishAlert('ngap-1');
    await until('the alert on the wall', () => seen('ngap-1'));
    expect(seen(NAME)).toBe(true);
  });

  it('on: no frame to the wall carries a name or a personal field, live, in hello or in history', async () => {
    await setPrivacy(true);
    frames = [];
    await repaint();
    publishAlert('ngap-2');
    await until('the second alert on the wall', () => seen('ngap-2'));
    const all = frames.join('\n');
    expect(all).toContain('ngap-1'); // the alert itself is there…
    expect(all).not.toContain(NAME); // …without the person
    expect(all).toContain('Trung tâm điều hành');
  });

  it('off again: the names are restored', async () => {
    await setPrivacy(false);
    frames = [];
    await repaint();
    expect(seen(NAME)).toBe(true);
  });
});
