import { describe, expect, it } from 'vitest';
import { HubRotation } from './hub-rotation.js';

const A = 'https://hub-a.ioc.local:4181';
const B = 'https://hub-b.ioc.local:4181';
const C = 'https://hub-c.ioc.local:4181';
const middle = () => 0.5; // no jitter: the backoff's own value

describe('the rotation between hubs', () => {
  it('moves to the next hub at once when the one it is on is lost, and records why', () => {
    const r = new HubRotation([A, B, C], middle);
    expect(r.url()).toBe(A);
    expect(r.connected(1000)).toBeNull();
    expect(r.status()).toEqual({ hubs: [A, B, C], current: A, since: 1000, lastMove: null });
    expect(r.failed({ reason: 'stalled', detail: 'nothing for 10 s' })).toEqual({ url: B, delayMs: 0 });
    expect(r.status().current).toBeNull();
    const move = { from: A, to: B, at: 2000, reason: 'stalled', detail: 'nothing for 10 s' };
    expect(r.connected(2000)).toEqual(move);
    expect(r.status()).toEqual({ hubs: [A, B, C], current: B, since: 2000, lastMove: move });
  });

  it('keeps the reason it left a hub for, not the failures of the tries that followed', () => {
    const r = new HubRotation([A, B, C], middle);
    r.connected(0);
    r.failed({ reason: 'disconnected', detail: 'transport close' });
    r.failed({ reason: 'error', detail: 'ECONNREFUSED' }); // B down too
    expect(r.url()).toBe(C);
    expect(r.connected(5000)).toMatchObject({ from: A, to: C, reason: 'disconnected', detail: 'transport close' });
  });

  it('goes round the list and backs off, growing to a cap, once every hub failed', () => {
    const r = new HubRotation([A, B], middle);
    r.connected(0);
    const tries = Array.from({ length: 8 }, () => r.failed({ reason: 'error', detail: 'down' }));
    expect(tries.map((t) => t.url)).toEqual([B, A, B, A, B, A, B, A]);
    expect(tries.map((t) => t.delayMs)).toEqual([0, 1000, 1000, 2000, 2000, 4000, 4000, 5000]);
    // Back on a hub: the next loss moves on at once again.
    r.connected(1);
    expect(r.failed({ reason: 'disconnected', detail: '' }).delayMs).toBe(0);
  });

  it('with one hub, tries it again after a jittered second, as a lone hub always was', () => {
    const jitters = [0, 0.999];
    const r = new HubRotation([A], () => jitters.shift() ?? 0.5);
    r.connected(0);
    expect(r.failed({ reason: 'disconnected', detail: '' })).toEqual({ url: A, delayMs: 500 });
    expect(r.failed({ reason: 'error', detail: '' })).toEqual({ url: A, delayMs: 2998 });
    expect(r.connected(9)).toBeNull(); // the same hub again is no move
  });

  it('waits at least 10 s when every hub refused this host at its handshake (each try is an audit row there)', () => {
    const r = new HubRotation([A, B], middle);
    expect(r.failed({ reason: 'refused', detail: 'device revoked' }).delayMs).toBe(0);
    expect(r.failed({ reason: 'refused', detail: 'device revoked' }).delayMs).toBe(10_000);
    expect(r.failed({ reason: 'error', detail: 'down' }).delayMs).toBe(1000);
  });

  it('needs at least one hub', () => {
    expect(() => new HubRotation([])).toThrow(/at least one hub/);
  });
});
