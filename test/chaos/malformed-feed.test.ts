// Malformed, oversized, unknown-topic and out-of-order messages from a hub (random ones from fast-check): each is
// refused and logged, nothing held changes, nothing crashes, and the next good event is applied as usual.
import fc from 'fast-check';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import type { RunningHost } from '../../main/host/host.js';
import { startTestHost, until } from '../support/start-test-host.js';
import { UNCHECKED_CREDENTIAL } from '../support/hub-identity.js';

const KEYS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'] as const;
const good = (offset: number): Envelope => ({
  topic: 'econ.live',
  offset,
  time: 1_700_000_000_000 + offset,
  source: 'fake',
  key: KEYS[offset % 3]!,
  payload: { metric: KEYS[offset % 3]!, value: offset, sourceSystem: 'fake' },
});

/** Values each field can never take (wrong type, out of range, too long, missing). */
const INVALID: Record<string, unknown[]> = {
  topic: [undefined, null, 7, '', 'econ.secret', 'ECON.LIVE', 'a'.repeat(100)],
  offset: [undefined, null, 0, -1, 1.5, '31', Number.NaN, Number.POSITIVE_INFINITY],
  time: [undefined, null, -1, 0.5, 'now', Number.NaN],
  source: [undefined, null, '', 42, 's'.repeat(121)],
  key: [undefined, null, '', 42, 'k'.repeat(129)],
  payload: [undefined, null, 'x', [], {}, { metric: 'new_businesses_today', value: -1, sourceSystem: 's' }],
};

/** An event that must be refused: one field broken, an unknown topic, a bad payload value, or an offset held. */
const badEvent = (held: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc
      .constantFrom(...Object.keys(INVALID))
      .chain((field) => fc.constantFrom(...INVALID[field]!).map((value) => ({ ...good(held + 1), [field]: value }))),
    fc.string().map((topic) => ({ ...good(held + 1), topic: `x.${topic}` })),
    fc
      .oneof(fc.string(), fc.double({ min: -1e9, max: -0.001 }), fc.constant(1.5), fc.boolean(), fc.constant(null))
      .map((value) => ({ ...good(held + 1), payload: { metric: 'new_businesses_today', value, sourceSystem: 's' } })),
    fc.integer({ min: 1, max: held }).map((o) => good(o)), // already held: ignored, not an error
    fc.anything(),
  );

let io: Server;
let socket: Socket | undefined;
let host: RunningHost;
const HELD = 30;

beforeAll(async () => {
  const http = createServer();
  io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 50_000_000 });
  io.on('connection', (s) => {
    socket = s;
    s.on('subscribe', (_req: unknown, ack: (r: unknown) => void) => {
      ack({ ok: true, heads: { 'econ.live': HELD } });
      if (s.data.sent) return;
      s.data.sent = true;
      s.emit(
        'events',
        Array.from({ length: HELD }, (_, i) => good(i + 1)),
        () => undefined,
      );
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  host = await startTestHost({
    hub: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    credential: UNCHECKED_CREDENTIAL,
  });
  await until('good events held', () => (host.status().feed.topics['econ.live']?.offset === HELD ? true : undefined));
});
afterAll(async () => {
  await host.close();
  await io.close();
});

const send = (event: string, payload: unknown) =>
  new Promise<void>((resolve) => socket!.timeout(2000).emit(event, payload, () => resolve()));

describe('hostile hub messages', () => {
  it('refuses random bad events and batches without changing what is held', async () => {
    const before = JSON.stringify(host.status().feed.topics['econ.live']) + JSON.stringify(host.status().cache);
    await fc.assert(
      fc.asyncProperty(fc.array(badEvent(HELD), { minLength: 1, maxLength: 20 }), async (batch) => {
        await send('events', batch);
        expect(host.status().feed.topics['econ.live']?.offset).toBe(HELD);
      }),
      { numRuns: 150 },
    );
    await send('events', 'not a list');
    await send(
      'events',
      Array.from({ length: 6000 }, (_, i) => good(HELD + 1 + i)),
    ); // oversized
    await send('events', [good(HELD + 5)]); // out of order: a gap, not applied
    await send('snapshot', { topic: 'econ.live', upTo: 5, events: [good(9)] }); // inconsistent snapshot
    await send('snapshot', { topic: 'x.y', upTo: 99, events: [] });
    await send('unknown-message', { a: 1 });
    expect(JSON.stringify(host.status().feed.topics['econ.live']) + JSON.stringify(host.status().cache)).toBe(before);
    expect((await fetch(`${host.origin}/healthz`)).status).toBe(200);
    await send('events', [good(HELD + 1)]);
    await until('the next good event', () =>
      host.status().feed.topics['econ.live']?.offset === HELD + 1 ? true : undefined,
    );
  });
});
