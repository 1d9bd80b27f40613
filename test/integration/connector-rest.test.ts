// The REST connector against a real server on loopback that is slow, fails, changes its schema and honours ETag,
// publishing into a real event log on a SQLite file.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningConnector } from '../../hub/connectors/connector.js';
import { REST_CONNECTOR, RestConnectorConfig } from '../../hub/connectors/rest/rest-connector.js';
import { connectorContext, type TestConnectorContext } from '../support/connector-context.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const TOKEN = 'sk-test-3f9a1c77';
let server: Server;
let handler: Handler;
const requests: IncomingMessage[] = [];
let running: RunningConnector | undefined;
let env: TestConnectorContext | undefined;

async function serve(h: Handler): Promise<string> {
  handler = h;
  server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/cpi`;
}

const item = (province: string, value: unknown) => ({ tinh: province, giaTri: value, ky: '2026-10' });

function start(url: string, extra: Record<string, unknown> = {}) {
  env = connectorContext('rest');
  const config = RestConnectorConfig.parse({
    id: 'cong-so-lieu',
    kind: 'rest',
    url,
    headers: { Authorization: { fromEnv: 'IOC_TEST_REST_TOKEN' } },
    poll: { intervalS: 0.05, maxBackoffS: 1, timeoutS: 2 },
    mapping: {
      topic: 'econ.indicators',
      items: '$.data[*]',
      key: '{province}:{indicator}',
      fields: { province: 'tinh', value: 'giaTri', period: 'ky' },
      constants: { indicator: 'cpi', status: 'official', sourceSystem: 'Cổng số liệu' },
    },
    ...extra,
  });
  running = REST_CONNECTOR.start(config, env.ctx);
  return env;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

afterEach(async () => {
  await running?.stop();
  running = undefined;
  env?.close();
  env = undefined;
  requests.length = 0;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('REST connector', () => {
  it('publishes each item once, sends the token from the environment, and publishes nothing on 304', async () => {
    vi.stubEnv('IOC_TEST_REST_TOKEN', TOKEN);
    let version = 'v1';
    let data = [item('01', 3.1), item('79', 2.8)];
    const url = await serve((req, res) => {
      if (req.headers.authorization !== TOKEN) return json(res, 401, { error: 'token' });
      if (req.headers['if-none-match'] === version) return void res.writeHead(304).end();
      json(res, 200, { data }, { ETag: version });
    });
    const { log, status } = start(url);
    await vi.waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(4), { timeout: 5000 });
    expect(log.read('econ.indicators', 0, 100).map((e) => [e.key, e.source])).toEqual([
      ['01:cpi', 'rest:cong-so-lieu'],
      ['79:cpi', 'rest:cong-so-lieu'],
    ]);
    expect(requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(requests.slice(1).every((r) => r.headers['if-none-match'] === 'v1')).toBe(true);
    expect(status).toMatchObject({ accepted: 2, refused: 0, lastError: null });

    data = [item('01', 3.3)];
    version = 'v2';
    await vi.waitFor(() => expect(log.head('econ.indicators')).toBe(3), { timeout: 5000 });
    expect(log.latestOf('econ.indicators', '01:cpi')?.payload).toMatchObject({ value: 3.3 });
  });

  it('backs off exponentially while the server returns 500, says when it runs next, then recovers', async () => {
    vi.stubEnv('IOC_TEST_REST_TOKEN', TOKEN);
    let failures = 3;
    const url = await serve((_req, res) => {
      if (failures-- > 0) return json(res, 500, { error: 'down' });
      json(res, 200, { data: [item('48', 1.5)] });
    });
    const { log, reports } = start(url);
    await vi.waitFor(() => expect(log.head('econ.indicators')).toBe(1), { timeout: 5000 });
    const failed = reports.filter((r) => r.lastError);
    expect(failed.map((r) => r.lastError)).toEqual(Array(3).fill(`${url}: HTTP 500`));
    // 50 ms interval: waits of 100, 200 and 400 ms after the first, second and third failure.
    const waits = failed.map((r) => Math.round(((r.nextRunAt ?? 0) - r.reportedAt) / 10) * 10);
    expect(waits).toEqual([100, 200, 400]);
    expect(reports.at(-1)).toMatchObject({ lastError: null, accepted: 1 });
  });

  it('abandons a request slower than its timeout and reports it', async () => {
    vi.stubEnv('IOC_TEST_REST_TOKEN', TOKEN);
    const url = await serve((_req, res) => {
      setTimeout(() => json(res, 200, { data: [item('01', 1)] }), 3000).unref();
    });
    const { status, log } = start(url, { poll: { intervalS: 0.05, timeoutS: 0.2 } });
    await vi.waitFor(() => expect(status.lastError).toMatch(/timeout|abort/i), { timeout: 5000 });
    expect(log.head('econ.indicators')).toBe(0);
  });

  it('refuses bad items to the dead letters and publishes the rest; a changed schema is a dead letter', async () => {
    vi.stubEnv('IOC_TEST_REST_TOKEN', TOKEN);
    let body: unknown = { data: [item('01', 'n/a'), item('99', 1), item('82', 4.2)] };
    const url = await serve((_req, res) => json(res, 200, body));
    const { log, deadLetters } = start(url, { poll: { intervalS: 0.2 } });
    await vi.waitFor(() => expect(deadLetters.length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    expect(log.read('econ.indicators', 0, 10).map((e) => e.key)).toEqual(['82:cpi']);
    expect(deadLetters.slice(0, 2).map((d) => d.location)).toEqual(['$.data[*][0]', '$.data[*][1]']);
    expect(deadLetters[0]?.input).toContain('n/a');

    body = { result: { rows: [item('01', 1)] } };
    await vi.waitFor(() => expect(deadLetters.some((d) => d.reason.includes('không tìm thấy mục nào'))).toBe(true), {
      timeout: 5000,
    });
    expect(log.head('econ.indicators')).toBe(1);
  });

  it('never writes the token to the logs or the status, and refuses a credential written in the config', async () => {
    vi.stubEnv('IOC_TEST_REST_TOKEN', TOKEN);
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const url = await serve((req, res) => json(res, 500, { echo: req.headers.authorization }));
    const { status } = start(url, { poll: { intervalS: 0.05 } });
    await vi.waitFor(() => expect(status.lastError).toContain('HTTP 500'), { timeout: 5000 });
    expect(written.join('') + JSON.stringify(status)).not.toContain(TOKEN);

    const inline = RestConnectorConfig.safeParse({
      id: 'x',
      kind: 'rest',
      url,
      headers: { Authorization: `Bearer ${TOKEN}` },
      poll: { intervalS: 60 },
      mapping: { topic: 'econ.live', key: '{metric}', fields: { metric: 'm', value: 'v' } },
    });
    expect(inline.success).toBe(false);
    expect(JSON.stringify(inline.error?.issues)).toContain('fromEnv');
  });
});
