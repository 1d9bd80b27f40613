// The CAP connector reading a folder and polling an Atom index on a loopback server, publishing into a real event
// log on a SQLite file: each msgType, documents that are not valid, and documents that try an XML bomb or an
// external entity, which are refused before they are parsed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAP_CONNECTOR, CapConnectorConfig } from '../../hub/connectors/cap/cap-connector.js';
import type { RunningConnector } from '../../hub/connectors/connector.js';
import { Alarm } from '../../src/domain/alarms/alarm-schema.js';
import { WarningPayload } from '../../src/domain/warnings/warning-schema.js';
import { connectorContext, type TestConnectorContext } from '../support/connector-context.js';

interface Message {
  identifier: string;
  sent: string;
  msgType?: 'Alert' | 'Update' | 'Cancel';
  references?: string;
  severity?: string;
  headline?: string;
  status?: string;
}

/** A CAP 1.2 document as a national weather service writes it (namespace prefix, lat,lon polygons). */
function capXml(m: Message): string {
  const info =
    m.msgType === 'Cancel'
      ? ''
      : `<cap:info>
    <cap:language>vi-VN</cap:language>
    <cap:category>Met</cap:category>
    <cap:event>Bão</cap:event>
    <cap:urgency>Expected</cap:urgency>
    <cap:severity>${m.severity ?? 'Severe'}</cap:severity>
    <cap:certainty>Likely</cap:certainty>
    <cap:senderName>Trung tâm Dự báo KTTV quốc gia</cap:senderName>
    <cap:headline>${m.headline ?? 'Bão số 12 &amp; mưa lớn'}</cap:headline>
    <cap:description>Gió mạnh cấp 10–11, giật cấp 13.</cap:description>
    <cap:area>
      <cap:areaDesc>Ven biển Huế – Đà Nẵng</cap:areaDesc>
      <cap:polygon>15.85,107.85 15.85,108.15 16.15,108.15 16.15,107.85 15.85,107.85</cap:polygon>
    </cap:area>
    <cap:area>
      <cap:areaDesc>Quảng Ngãi</cap:areaDesc>
      <cap:circle>15.12,108.8 5</cap:circle>
    </cap:area>
  </cap:info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<cap:alert xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2">
  <cap:identifier>${m.identifier}</cap:identifier>
  <cap:sender>nchmf.gov.vn</cap:sender>
  <cap:sent>${m.sent}</cap:sent>
  <cap:status>${m.status ?? 'Actual'}</cap:status>
  <cap:msgType>${m.msgType ?? 'Alert'}</cap:msgType>
  <cap:scope>Public</cap:scope>
  ${m.references ? `<cap:references>${m.references}</cap:references>` : ''}
  ${info}
</cap:alert>`;
}

const ALERT = { identifier: 'NCHMF-12-001', sent: '2026-11-01T08:00:00+07:00' };
const REF_1 = 'nchmf.gov.vn,NCHMF-12-001,2026-11-01T08:00:00+07:00';
const UPDATE = {
  identifier: 'NCHMF-12-002',
  sent: '2026-11-01T14:00:00+07:00',
  msgType: 'Update',
  references: REF_1,
  severity: 'Extreme',
  headline: 'Bão số 12 mạnh lên cấp 14',
} as const;
const CANCEL = {
  identifier: 'NCHMF-12-003',
  sent: '2026-11-02T08:00:00+07:00',
  msgType: 'Cancel',
  references: `nchmf.gov.vn,NCHMF-12-002,2026-11-01T14:00:00+07:00 ${REF_1}`,
} as const;

/** Ten levels of ten: a billion "lol"s if expanded. */
const XML_BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n  ')}
]>
<alert><identifier>&lol9;</identifier></alert>`;

let running: RunningConnector | undefined;
let env: TestConnectorContext | undefined;
let server: Server | undefined;

afterEach(async () => {
  await running?.stop();
  env?.close();
  running = env = undefined;
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
  }
});

function startOnFolder(): { folder: string; env: TestConnectorContext } {
  env = connectorContext('cap');
  const folder = join(env.dir, 'cap-drop');
  mkdirSync(folder);
  const config = CapConnectorConfig.parse({ id: 'nchmf', kind: 'cap', folder, poll: { intervalS: 0.05 } });
  running = CAP_CONNECTOR.start(config, env.ctx);
  return { folder, env };
}

describe('CAP connector', () => {
  it('publishes an Alert, replaces it with its Update, ends it with its Cancel, and ignores it arriving late', async () => {
    const { folder, env } = startOnFolder();
    const latest = () => WarningPayload.parse(env.log.latestOf('ops.warnings', 'NCHMF-12-001')?.payload);

    writeFileSync(join(folder, '001.xml'), capXml(ALERT));
    await vi.waitFor(() => expect(env.log.head('ops.warnings')).toBe(1), { timeout: 5000 });
    expect(latest()).toMatchObject({
      state: 'active',
      msgType: 'Alert',
      priority: 'high',
      headline: 'Bão số 12 & mưa lớn',
      sourceSystem: 'Trung tâm Dự báo KTTV quốc gia',
      provinces: ['46', '48', '51'],
    });
    // The polygon crosses the border of Huế and Đà Nẵng; the circle lies in Quảng Ngãi.
    expect(latest().areas.map((a) => a.provinces)).toEqual([['46', '48'], ['51']]);

    writeFileSync(join(folder, '002.xml'), capXml(UPDATE));
    await vi.waitFor(() => expect(env.log.head('ops.warnings')).toBe(2), { timeout: 5000 });
    expect(latest()).toMatchObject({ state: 'active', msgType: 'Update', priority: 'emergency', id: 'NCHMF-12-002' });

    writeFileSync(join(folder, '000-late-copy.xml'), capXml(ALERT));
    writeFileSync(join(folder, '003.xml'), capXml(CANCEL));
    await vi.waitFor(() => expect(latest().state).toBe('cancelled'), { timeout: 5000 });
    expect(env.log.head('ops.warnings')).toBe(3);
    expect(latest()).toMatchObject({ msgType: 'Cancel', headline: 'Bão số 12 mạnh lên cấp 14' });
    expect(env.deadLetters).toEqual([]);
  });

  it('drives one alarm per warning on ops.alerts', async () => {
    const { folder, env } = startOnFolder();
    writeFileSync(join(folder, '001.xml'), capXml(ALERT));
    writeFileSync(join(folder, '002.xml'), capXml(UPDATE));
    writeFileSync(join(folder, '003.xml'), capXml(CANCEL));
    await vi.waitFor(() => expect(env.log.head('ops.alerts')).toBe(3), { timeout: 5000 });
    const alarm = Alarm.parse(env.log.latestOf('ops.alerts', 'cap:NCHMF-12-001')?.payload);
    expect(alarm).toMatchObject({ ruleId: 'cap', priority: 'emergency', state: 'rtnun' });
    expect(alarm.timeline.map((t) => [t.event, t.by])).toEqual([
      ['condition-active', { kind: 'system', source: 'cap:nchmf' }],
      ['condition-clear', { kind: 'system', source: 'cap:nchmf' }],
    ]);
  });

  it('refuses invalid XML, an XML bomb and an external entity before parsing, publishing nothing', async () => {
    const { folder, env } = startOnFolder();
    const secret = join(env.dir, 'secret.txt');
    writeFileSync(secret, 'NOT-FOR-THE-WALL');
    writeFileSync(join(folder, 'broken.xml'), '<alert><identifier>x</identifier>');
    writeFileSync(join(folder, 'bomb.xml'), XML_BOMB);
    writeFileSync(
      join(folder, 'xxe.xml'),
      `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY x SYSTEM "file://${secret}">]>` +
        capXml({ ...ALERT, headline: '&x;' }).replace(/^<\?xml[^>]*>/, ''),
    );
    writeFileSync(join(folder, 'not-cap.xml'), '<rss version="2.0"><nothing/></rss>');
    writeFileSync(join(folder, 'test-message.xml'), capXml({ ...ALERT, status: 'Test' }));
    writeFileSync(join(folder, 'bad-severity.xml'), capXml({ ...ALERT, severity: 'Apocalyptic' }));
    await vi.waitFor(() => expect(env.deadLetters).toHaveLength(5), { timeout: 5000 });
    const byFile = Object.fromEntries(env.deadLetters.map((d) => [d.location.split('/').at(-1), d.reason]));
    expect(byFile['broken.xml']).toContain('XML không hợp lệ');
    expect(byFile['bomb.xml']).toContain('DOCTYPE/ENTITY');
    expect(byFile['xxe.xml']).toContain('DOCTYPE/ENTITY');
    expect(byFile['not-cap.xml']).toContain('<alert>');
    expect(byFile['bad-severity.xml']).toContain('severity');
    expect(JSON.stringify(env.deadLetters)).not.toContain('NOT-FOR-THE-WALL');
    expect(env.log.head('ops.warnings')).toBe(0);
    expect(env.status).toMatchObject({ refused: 5, accepted: 0 });
  });

  it('polls an Atom index, reads each linked CAP document once, and sends If-None-Match', async () => {
    let indexRequests = 0;
    const docRequests: string[] = [];
    const conditional: (string | undefined)[] = [];
    server = createServer((req, res) => {
      if (req.url === '/feed.atom') {
        indexRequests += 1;
        conditional.push(req.headers['if-none-match']);
        if (req.headers['if-none-match'] === '"idx-1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'Content-Type': 'application/atom+xml', ETag: '"idx-1"' });
        return void res.end(`<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Cảnh báo</title>
  <entry><id>1</id><link rel="alternate" type="application/cap+xml" href="/cap/001.xml"/></entry>
  <entry><id>2</id><link href="/web/002.html" type="text/html"/><link href="cap/002.xml" type="application/cap+xml"/></entry>
</feed>`);
      }
      docRequests.push(req.url ?? '');
      const doc = req.url === '/cap/001.xml' ? capXml(ALERT) : req.url === '/cap/002.xml' ? capXml(UPDATE) : null;
      if (!doc) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/cap+xml' });
      res.end(doc);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.atom`;
    env = connectorContext('cap-feed');
    running = CAP_CONNECTOR.start(
      CapConnectorConfig.parse({ id: 'nchmf', kind: 'cap', url, poll: { intervalS: 0.05 } }),
      env.ctx,
    );
    await vi.waitFor(() => expect(indexRequests).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    expect(docRequests).toEqual(['/cap/001.xml', '/cap/002.xml']);
    expect(conditional.slice(1).every((etag) => etag === '"idx-1"')).toBe(true);
    expect(env.log.read('ops.warnings', 0, 10).map((e) => [e.key, (e.payload as WarningPayload).msgType])).toEqual([
      ['NCHMF-12-001', 'Alert'],
      ['NCHMF-12-001', 'Update'],
    ]);
  });

  it('publishes the entries it can fetch and reports the one it cannot, trying it again', async () => {
    const asked: string[] = [];
    server = createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url === '/rss.xml') {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        return void res.end(`<rss version="2.0"><channel><title>CAP</title>
  <item><link>/cap/gone.xml</link></item><item><link>/cap/001.xml</link></item></channel></rss>`);
      }
      if (req.url === '/cap/001.xml') return void res.writeHead(200).end(capXml(ALERT));
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`;
    env = connectorContext('cap-rss');
    running = CAP_CONNECTOR.start(
      CapConnectorConfig.parse({ id: 'nchmf', kind: 'cap', url, poll: { intervalS: 0.05, maxBackoffS: 0.1 } }),
      env.ctx,
    );
    await vi.waitFor(() => expect(asked.filter((u) => u === '/cap/gone.xml').length).toBeGreaterThanOrEqual(2), {
      timeout: 5000,
    });
    expect(env.status.lastError).toMatch(/1 of 2 entries not fetched: .*gone\.xml: HTTP 500/);
    expect(asked.filter((u) => u === '/cap/001.xml')).toHaveLength(1);
    expect(env.log.read('ops.warnings', 0, 10).map((e) => e.key)).toEqual(['NCHMF-12-001']);
  });
});
