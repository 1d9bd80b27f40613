// The session's intake of feed events, with a stand-in for the bridge client (the real one is exercised by the
// integration and end-to-end tests): pure timing logic, so fake timers and a fake client are enough here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import type { BridgeClient } from '../bridge/bridge-client';
import { FEED_INTAKE_INTERVAL_MS, Session } from './session';

class FakeClient {
  readonly listeners = new Map<string, Array<(payload: unknown) => void>>();
  readonly calls: string[] = [];
  status = { state: 'connecting' };
  on(name: string, listener: (payload: unknown) => void): () => void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return () => undefined;
  }
  onConnection(): () => void {
    return () => undefined;
  }
  connect(): void {}
  close(): void {}
  call(name: string): Promise<unknown> {
    this.calls.push(name);
    return new Promise(() => undefined);
  }
  emit(name: string, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }
}

const ev = (offset: number): Envelope => ({
  topic: 'econ.live',
  offset,
  time: offset,
  source: 't',
  key: `k${offset % 3}`,
  payload: { value: offset },
});

describe('Session feed intake', () => {
  let client: FakeClient;
  let session: Session;
  let taken: number[][];

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    client = new FakeClient();
    session = new Session(client as unknown as BridgeClient, { role: 'wall', surfaceId: 'wall-1' });
    session.start();
    taken = [];
    session.onFeed((batch) => taken.push(batch.map((e) => e.offset)));
  });
  afterEach(() => {
    session.stop();
    vi.useRealTimers();
  });

  it('takes in the first batch at once and everything of the next interval in one go, in order', () => {
    client.emit('feed', [ev(1)]);
    expect(taken).toEqual([[1]]);
    expect(session.latest.values.get('econ.live', 'k1')?.offset).toBe(1);
    for (let o = 2; o <= 6; o++) {
      vi.advanceTimersByTime(5);
      client.emit('feed', [ev(o)]);
    }
    // Received, not yet on the page: neither the latest values nor the charts have them.
    expect(taken).toEqual([[1]]);
    expect(session.latest.values.get('econ.live', 'k2')).toBeUndefined();
    vi.advanceTimersByTime(FEED_INTAKE_INTERVAL_MS);
    expect(taken).toEqual([[1], [2, 3, 4, 5, 6]]);
    expect(session.latest.values.get('econ.live', 'k2')?.offset).toBe(5);
  });

  it('takes in what was received before a resync, before saying hello again', () => {
    client.emit('feed', [ev(1)]);
    client.emit('feed', [ev(2), ev(3)]);
    expect(taken).toEqual([[1]]);
    client.emit('resync', { topic: 'econ.live' });
    expect(taken).toEqual([[1], [2, 3]]);
    expect(client.calls).toContain('hello');
  });

  it('takes in nothing after stop', () => {
    client.emit('feed', [ev(1)]);
    client.emit('feed', [ev(2)]);
    session.stop();
    vi.advanceTimersByTime(1000);
    expect(taken).toEqual([[1]]);
  });
});
