// The renderer's bridge client against a real socket.io server on loopback: the transport and its failures.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedStatus } from '../../src/contract/host-status.js';
import { BridgeCallError, BridgeClient, type BridgeConnection } from '../../renderer/bridge/bridge-client';

const TOKEN = 'test-token-0123456789';
const FEED: FeedStatus = {
  hub: 'embedded',
  state: 'connected',
  since: 1,
  lastError: null,
  topics: {},
  catchUp: null,
  demo: false,
  failover: { hubs: ['embedded'], current: 'embedded', since: 1, lastMove: null },
};
const HELLO = {
  locale: 'vi',
  surface: null,
  surfaces: [],
  latest: [],
  feed: FEED,
  serverTime: 5,
  person: null,
  idleLockMinutes: 15,
};

interface Fixture {
  http: HttpServer;
  io: Server;
  url: string;
}

let fixture: Fixture | null = null;
let client: BridgeClient | null = null;

async function serve(
  onCall: (frame: { name: string; args: unknown }, ack: (r: unknown) => void) => void,
): Promise<Fixture> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    next(auth.token === TOKEN ? undefined : new Error('invalid token'));
  });
  io.on('connection', (socket) => socket.on('call', onCall));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  fixture = { http, io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  return fixture;
}

function connect(url: string, token = TOKEN, timeoutMs = 2000): BridgeClient {
  client = new BridgeClient({ bridgeUrl: url, token }, { timeoutMs });
  client.connect();
  return client;
}

function until(c: BridgeClient, state: BridgeConnection['state']): Promise<BridgeConnection> {
  return new Promise((resolve) => {
    if (c.status.state === state) resolve(c.status);
    const off = c.onConnection((s) => {
      if (s.state === state) {
        off();
        resolve(s);
      }
    });
  });
}

afterEach(async () => {
  client?.close();
  client = null;
  if (fixture) {
    await fixture.io.close();
    fixture = null;
  }
});

describe('BridgeClient', () => {
  it('calls and validates the answer', async () => {
    const f = await serve((frame, ack) =>
      ack(
        frame.name === 'hello'
          ? { ok: true, result: HELLO }
          : { ok: false, error: { code: 'unknown-call', message: 'no' } },
      ),
    );
    const c = connect(f.url);
    await until(c, 'connected');
    const hello = await c.call('hello', { role: 'wall', surfaceId: 'wall-1' });
    expect(hello.locale).toBe('vi');
    expect(hello.feed.hub).toBe('embedded');
  });

  it('rejects an answer that breaks the contract', async () => {
    const f = await serve((_frame, ack) => ack({ ok: true, result: { ...HELLO, locale: 'fr' } }));
    const c = connect(f.url);
    await until(c, 'connected');
    await expect(c.call('hello', { role: 'console' })).rejects.toMatchObject({
      code: 'invalid-response',
      callName: 'hello',
    });
  });

  it('passes the host’s error on', async () => {
    const f = await serve((_frame, ack) => ack({ ok: false, error: { code: 'failed', message: 'disk full' } }));
    const c = connect(f.url);
    await until(c, 'connected');
    const err = await c.call('status', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BridgeCallError);
    expect(err).toMatchObject({ code: 'failed', message: 'disk full' });
  });

  it('times out when the host does not answer', async () => {
    const f = await serve(() => undefined);
    const c = connect(f.url, TOKEN, 200);
    await until(c, 'connected');
    await expect(c.call('status', {})).rejects.toMatchObject({ code: 'timeout' });
  });

  it('refuses to send arguments the contract refuses, and calls while disconnected', async () => {
    const f = await serve((_frame, ack) => ack({ ok: true, result: { ok: true } }));
    const c = connect(f.url);
    await expect(c.call('status', {})).rejects.toMatchObject({ code: 'disconnected' });
    await until(c, 'connected');
    // @ts-expect-error -- a wrong role on purpose
    await expect(c.call('hello', { role: 'admin' })).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('validates events and drops bad ones', async () => {
    const f = await serve(() => undefined);
    const invalid: string[] = [];
    client = new BridgeClient({ bridgeUrl: f.url, token: TOKEN }, { onInvalidEvent: (name) => invalid.push(name) });
    const c = client;
    const states: FeedStatus[] = [];
    c.on('feedState', (s) => states.push(s));
    c.connect();
    await until(c, 'connected');
    f.io.emit('feedState', { ...FEED, state: 'exploded' });
    f.io.emit('feedState', { ...FEED, state: 'offline' });
    await new Promise((r) => setTimeout(r, 100));
    expect(invalid).toEqual(['feedState']);
    expect(states.map((s) => s.state)).toEqual(['offline']);
  });

  it('reports a refused token as rejected, with the host’s words', async () => {
    const f = await serve(() => undefined);
    const c = connect(f.url, 'wrong-token-0123456789');
    const status = await until(c, 'rejected');
    expect(status.error).toBe('invalid token');
  });

  it('reconnects after the connection drops', async () => {
    const f = await serve(() => undefined);
    const c = connect(f.url);
    await until(c, 'connected');
    const seen: string[] = [];
    c.onConnection((s) => seen.push(s.state));
    for (const socket of f.io.sockets.sockets.values()) socket.conn.close();
    await until(c, 'reconnecting');
    await until(c, 'connected');
    expect(seen).toContain('reconnecting');
  });
});
