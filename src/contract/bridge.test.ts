import { describe, expect, it } from 'vitest';
import { BRIDGE_CALLS, BridgeParams, CallFrame } from './bridge.js';
import { WallFile } from './wall.js';

describe('bridge contract', () => {
  it('knows each call by name and refuses others', () => {
    expect(CallFrame.safeParse({ name: 'hello', args: { role: 'wall', surfaceId: 'wall-1' } }).success).toBe(true);
    expect(CallFrame.safeParse({ name: 'shutdown', args: {} }).success).toBe(false);
  });

  it('validates call arguments', () => {
    expect(BRIDGE_CALLS.hello.request.safeParse({ role: 'wall', surfaceId: 'wall-1' }).success).toBe(true);
    expect(BRIDGE_CALLS.hello.request.safeParse({ role: 'admin' }).success).toBe(false);
    expect(BRIDGE_CALLS.status.request.safeParse({ extra: 1 }).success).toBe(false);
    expect(
      BRIDGE_CALLS.heartbeat.request.safeParse({
        surfaceId: 'wall-1',
        sample: '1.234',
        fps: 60,
        tiles: 6,
        tileErrors: 0,
      }).success,
    ).toBe(true);
    expect(BRIDGE_CALLS.heartbeat.request.safeParse({ surfaceId: 'wall-1', fps: -1 }).success).toBe(false);
  });

  it('accepts bridge params only with a plausible token', () => {
    expect(
      BridgeParams.safeParse({ bridgeUrl: 'http://127.0.0.1:4180', token: 'abcdefghijklmnopqrstuvwx' }).success,
    ).toBe(true);
    expect(BridgeParams.safeParse({ bridgeUrl: 'http://127.0.0.1:4180', token: 'short' }).success).toBe(false);
    expect(BridgeParams.safeParse({ bridgeUrl: 'not a url', token: 'abcdefghijklmnopqrstuvwx' }).success).toBe(false);
  });
});

describe('wall file', () => {
  const monitor = { id: 'm1', name: 'Trái', x: 0, y: 0, width: 1920, height: 1080 };
  it('accepts a described wall', () => {
    expect(WallFile.safeParse({ name: 'Phòng IOC', monitors: [monitor] }).success).toBe(true);
  });
  it('names the bad field', () => {
    const r = WallFile.safeParse({ name: 'Phòng IOC', monitors: [monitor, { ...monitor, id: 'm2', width: -5 }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['monitors', 1, 'width']);
  });
  it('refuses duplicate monitor ids and unknown keys', () => {
    expect(WallFile.safeParse({ name: 'x', monitors: [monitor, monitor] }).success).toBe(false);
    expect(WallFile.safeParse({ name: 'x', monitors: [monitor], bezels: 3 }).success).toBe(false);
  });
});
