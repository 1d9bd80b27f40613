// The webhook connector behind a real HTTP server on loopback, served by the same route table the hub uses,
// publishing into a real event log on a SQLite file.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningConnector } from '../../hub/connectors/connector.js';
import {
  WebhookConnectorConfig,
  WebhookRoutes,
  webhookConnectorKind,
} from '../../hub/connectors/webhook/webhook-connector.js';
import { signWebhook } from '../../hub/connectors/webhook/webhook-signature.js';
import { connectorContext, type TestConnectorContext } from '../support/connector-context.js';

const SECRET = 'webhook-shared-secret-0c1f';
let env: TestConnectorContext;
let server: Server;
let running: RunningConnector;
let base: string;

beforeAll(async () => {
  env = connectorContext('webhook');
  const secretFile = join(env.dir, 'he-thong-dvc.secret');
  writeFileSync(secretFile, `${SECRET}\n`, { mode: 0o600 });
  const routes = new WebhookRoutes();
  const config = WebhookConnectorConfig.parse({
    id: 'he-thong-dvc',
    kind: 'webhook',
    secret: { fromFile: secretFile },
    mapping: {
      topic: 'econ.live',
      items: '$.counters[*]',
      key: '{metric}',
      fields: { metric: 'name', value: 'count' },
      constants: { sourceSystem: 'Hệ thống DVC' },
    },
  });
  running = webhookConnectorKind(routes).start(config, env.ctx);
  server = createServer((req, res) => {
    if (!routes.serve(req, res, (req.url ?? '/').split('?')[0]!)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await running.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  env.close();
});

interface Post {
  body?: string | Buffer;
  secret?: string;
  timestamp?: number;
  delivery?: string;
  contentType?: string;
  path?: string;
  chunked?: boolean;
}

/** POSTs with node:http (not fetch) so the test controls the headers and can stream a body without a length. */
function post(p: Post): Promise<{ status: number; body: string }> {
  const body = p.body ?? JSON.stringify({ counters: [{ name: 'public_services_today', count: 1234 }] });
  const timestamp = String(p.timestamp ?? Math.floor(Date.now() / 1000));
  const delivery = p.delivery ?? randomUUID();
  const headers: Record<string, string> = {
    'Content-Type': p.contentType ?? 'application/json',
    'X-IOC-Timestamp': timestamp,
    'X-IOC-Delivery': delivery,
    'X-IOC-Signature': signWebhook(p.secret ?? SECRET, timestamp, delivery, body),
  };
  if (!p.chunked) headers['Content-Length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(`${base}${p.path ?? '/webhook/he-thong-dvc'}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // A server that refuses a body mid-way may close the connection: the answer is what counts.
    req.on('error', reject);
    if (p.chunked) {
      const buf = Buffer.from(body);
      for (let i = 0; i < buf.length; i += 64 * 1024) req.write(buf.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

describe('webhook connector', () => {
  it('accepts a correctly signed request and publishes its events', async () => {
    const res = await post({});
    expect(res).toMatchObject({ status: 200 });
    expect(JSON.parse(res.body)).toEqual({ accepted: 1, refused: 0 });
    expect(env.log.latestOf('econ.live', 'public_services_today')).toMatchObject({
      source: 'webhook:he-thong-dvc',
      payload: { metric: 'public_services_today', value: 1234, sourceSystem: 'Hệ thống DVC' },
    });
  });

  it('refuses a bad signature, and a body changed after signing, publishing nothing', async () => {
    const head = env.log.head('econ.live');
    expect((await post({ secret: 'not-the-secret' })).status).toBe(401);
    const timestamp = Math.floor(Date.now() / 1000);
    const signedFor = JSON.stringify({ counters: [{ name: 'public_services_today', count: 1 }] });
    const sig = signWebhook(SECRET, String(timestamp), 'd-1', signedFor);
    const tampered = await new Promise<number>((resolve) => {
      const body = signedFor.replace('1}', '9}');
      const req = request(`${base}/webhook/he-thong-dvc`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-IOC-Timestamp': String(timestamp),
          'X-IOC-Delivery': 'd-1',
          'X-IOC-Signature': sig,
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.end(body);
    });
    expect(tampered).toBe(401);
    expect(env.log.head('econ.live')).toBe(head);
    expect(env.status.lastError).toContain('bad signature');
  });

  it('refuses a replayed request and one whose timestamp is outside the window', async () => {
    const delivery = randomUUID();
    expect((await post({ delivery })).status).toBe(200);
    const head = env.log.head('econ.live');
    expect((await post({ delivery })).status).toBe(409);
    expect((await post({ timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    expect((await post({ timestamp: Math.floor(Date.now() / 1000) + 301 })).status).toBe(401);
    expect(env.log.head('econ.live')).toBe(head);
  });

  it('answers 413 to a body over 1 MB, declared or streamed, and 415 to a body that is not JSON', async () => {
    const big = JSON.stringify({ counters: [], pad: 'x'.repeat(1024 * 1024) });
    expect((await post({ body: big })).status).toBe(413);
    expect((await post({ body: big, chunked: true })).status).toBe(413);
    expect((await post({ contentType: 'text/plain' })).status).toBe(415);
    expect((await post({ contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post({ path: '/webhook/no-such-source' })).status).toBe(404);
  });

  it('sends an item its topic refuses to the dead letters and publishes the others', async () => {
    const body = JSON.stringify({
      counters: [
        { name: 'documents_processed_today', count: -5 },
        { name: 'new_businesses_today', count: 88 },
      ],
    });
    const res = await post({ body });
    expect(JSON.parse(res.body)).toEqual({ accepted: 1, refused: 1 });
    expect(env.log.latestOf('econ.live', 'new_businesses_today')?.payload).toMatchObject({ value: 88 });
    expect(env.log.latestOf('econ.live', 'documents_processed_today')).toBeUndefined();
    expect(env.deadLetters.at(-1)).toMatchObject({ location: '$.counters[*][0]' });
  });
});
