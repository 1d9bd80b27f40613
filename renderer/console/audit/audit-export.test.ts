import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src/contract/people.js';
import { auditCsv, auditJsonl } from './audit-export';

const row = (over: Partial<AuditRow>): AuditRow => ({
  seq: 1,
  time: Date.UTC(2026, 10, 27, 1, 2, 3),
  person: 'huong.nt',
  device: 'bantruc-1',
  peer: '10.0.0.5',
  action: 'wall.activate',
  target: 'preset:giao-ban-sang',
  outcome: 'applied',
  detail: '{"note":"ca sáng"}',
  ...over,
});

const lines = (csv: string) => csv.split('\r\n');

describe('auditCsv', () => {
  it('writes a header and the rows with the time as shown (dd/MM/yyyy HH:mm:ss, Asia/Ho_Chi_Minh)', () => {
    const [header, first, end] = lines(auditCsv([row({})]));
    expect(header).toBe('seq,time,person,device,peer,action,target,outcome,detail');
    expect(first).toBe(
      '1,27/11/2026 08:02:03,huong.nt,bantruc-1,10.0.0.5,wall.activate,preset:giao-ban-sang,applied,"{""note"":""ca sáng""}"',
    );
    expect(end).toBe('');
  });

  it('keeps what a spreadsheet would run as a formula as text', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      const cells = lines(auditCsv([row({ target: evil })]))[1]!;
      expect(cells).not.toMatch(/,[=+\-@\t]/);
      expect(cells).not.toMatch(/,"[=+\-@\t\r]/);
    }
    expect(lines(auditCsv([row({ target: '=1+1' })]))[1]).toContain(",'=1+1,");
  });

  it('quotes commas, quotes and line breaks, and leaves empty what is null', () => {
    const csv = auditCsv([row({ target: 'a,"b"\nc', person: null, peer: null })]);
    expect(csv).toContain(',"a,""b""\nc",');
    expect(lines(csv)[1]).toMatch(/^1,27\/11\/2026 08:02:03,,bantruc-1,,/);
  });
});

describe('auditJsonl', () => {
  it('writes one JSON object a line with an ISO time and the detail as an object', () => {
    const text = auditJsonl([row({}), row({ seq: 2, detail: 'not json' })]);
    const [a, b, end] = text.split('\n');
    expect(JSON.parse(a!)).toMatchObject({ seq: 1, time: '2026-11-27T01:02:03.000Z', detail: { note: 'ca sáng' } });
    expect(JSON.parse(b!)).toMatchObject({ seq: 2, detail: 'not json' });
    expect(end).toBe('');
  });
});
