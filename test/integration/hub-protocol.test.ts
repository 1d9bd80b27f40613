// Malformed hub messages are refused and logged; the host keeps what it holds and keeps serving.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../hub/hub-server.js';
import { createLogger } from '../../platform/logger.js';
import { HostStatus } from '../../src/contract/host-status.js';
import { enrolDevice, hubClient, UNCHECKED_CREDENTIAL } from '../support/hub-identity.js';
import { startTestHost, until } from '../support/start-test-host.js';

describe('hub protocol, hub side', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({
      port: 0,
      logFile: null,
      demo: true,
      seed: 1,
      version: 't',
      logger: createLogger('hub', 'error'),
    });
  });
  afterAll(() => hub.close());

  it('refuses a malformed subscribe with a clear error, then serves a good one from the given offset', async () => {
    const s = hubClient(hub.url, enrolDevice(hub, 'wall-1', 'wall'));
    const bad = (await s.timeout(5000).emitWithAck('subscribe', { topics: { 'econ.live': -3 } })) as {
      ok: boolean;
      error: string;
    };
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/econ\.live/);
    const protocolErrors: unknown[] = [];
    s.on('protocol-error', (m) => protocolErrors.push(m));
    s.emit('delete-everything', {});
    await until('protocol error', () => (protocolErrors.length > 0 ? true : undefined));

    const offsets: number[] = [];
    s.on('events', (batch: { offset: number }[], ack: () => void) => {
      offsets.push(...batch.map((e) => e.offset));
      ack();
    });
    const good = (await s.timeout(5000).emitWithAck('subscribe', { topics: { 'econ.indicators': 100 } })) as {
      ok: boolean;
    };
    expect(good.ok).toBe(true);
    await until('replay from offset 101', () => (offsets.length >= 70 ? true : undefined));
    expect(offsets[0]).toBe(101);
    offsets.forEach((o, i) => expect(o).toBe(101 + i));
    s.close();
  });
});

describe('hub protocol, host side', () => {
  let fake: Server;
  let url: string;
  beforeAll(async () => {
    const http = createServer();
    fake = new Server(http, { transports: ['websocket'] });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => fake.close());

  it('refuses malformed, unknown-topic and out-of-order events and keeps serving', async () => {
    const good = (offset: number, value: number) => ({
      topic: 'econ.live',
      offset,
      time: Date.now(),
      source: 'fake',
      key: 'new_businesses_today',
      payload: { metric: 'new_businesses_today', value, sourceSystem: 'fake' },
    });
    fake.on('connection', (socket) => {
      socket.on('subscribe', (_req: unknown, ack: (r: unknown) => void) => {
        ack({ ok: true, heads: { 'econ.live': 1 } });
        socket.emit('events', [good(1, 10)], () => {
          socket.emit('events', 'not a list', () => undefined);
          socket.emit('events', [{ ...good(2, 11), topic: 'secret.stuff' }], () => undefined);
          socket.emit(
            'events',
            [{ ...good(2, 11), payload: { metric: 'new_businesses_today', value: -5 } }],
            () => undefined,
          );
          socket.emit('events', [good(1, 999)], () => undefined); // already held
          socket.emit('events', [{ garbage: true }, null, 42], () => undefined);
        });
      });
    });
    const host = await startTestHost({ hub: url, credential: UNCHECKED_CREDENTIAL });
    try {
      const status = async () =>
        HostStatus.parse(await (await fetch(`${host.origin}/api/status?token=${host.token}`)).json());
      await until('the good event', async () =>
        (await status()).feed.topics['econ.live']?.offset === 1 ? true : undefined,
      );
      await new Promise((r) => setTimeout(r, 500));
      const s = await status();
      expect(s.feed.topics['econ.live']?.offset).toBe(1);
      expect(s.cache.keys).toBe(1);
      expect((await fetch(`${host.origin}/healthz`)).status).toBe(200);
    } finally {
      await host.close();
    }
  });
});
