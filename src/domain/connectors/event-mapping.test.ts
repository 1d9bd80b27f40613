import { describe, expect, it } from 'vitest';
import { EventMapping, mapDocument } from './event-mapping.js';

const mapping = EventMapping.parse({
  topic: 'econ.indicators',
  items: '$.data[*]',
  key: '{province}:{indicator}',
  fields: { province: 'maTinh', value: 'giaTri', period: 'ky' },
  constants: { indicator: 'cpi', status: 'official', sourceSystem: 'Cổng số liệu' },
  time: 'capNhat',
});
const NOW = Date.UTC(2026, 10, 1);

describe('event mapping', () => {
  it('maps each item to an event keyed from its payload, validated against the topic', () => {
    const doc = { data: [{ maTinh: '01', giaTri: 3.2, ky: '2026-10', capNhat: '2026-11-01T00:00:00Z' }] };
    const { events, refused } = mapDocument(doc, mapping, NOW + 5);
    expect(refused).toEqual([]);
    expect(events).toEqual([
      {
        key: '01:cpi',
        time: NOW,
        payload: {
          province: '01',
          indicator: 'cpi',
          value: 3.2,
          period: '2026-10',
          status: 'official',
          sourceSystem: 'Cổng số liệu',
        },
      },
    ]);
  });

  it('refuses a bad item with its place and reason and keeps the others', () => {
    const doc = {
      data: [
        { maTinh: '01', giaTri: 'ba', ky: '2026-10', capNhat: 0 },
        { maTinh: '79', giaTri: 1, ky: '2026-10', capNhat: 0 },
        { maTinh: '79', giaTri: 1, ky: '2026-10', capNhat: 'hôm qua' },
      ],
    };
    const { events, refused } = mapDocument(doc, mapping, NOW);
    expect(events.map((e) => e.key)).toEqual(['79:cpi']);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ location: '$.data[*][0]', reason: expect.stringContaining('econ.indicators') });
    expect(refused[1]).toMatchObject({ location: '$.data[*][2]', reason: expect.stringContaining('hôm qua') });
  });

  it('says when the items are not where the mapping looks (a changed schema)', () => {
    const { events, refused } = mapDocument({ rows: [] }, mapping, NOW);
    expect(events).toEqual([]);
    expect(refused[0]?.reason).toContain('không tìm thấy mục nào');
  });

  it('refuses a config whose key names an unknown field or whose selector is unsupported', () => {
    const base = { topic: 'econ.live', key: '{metric}', fields: { metric: 'm', value: 'v' } };
    expect(EventMapping.safeParse(base).success).toBe(true);
    expect(EventMapping.safeParse({ ...base, key: '{nope}' }).success).toBe(false);
    expect(EventMapping.safeParse({ ...base, fields: { metric: '$..m' } }).success).toBe(false);
    expect(EventMapping.safeParse({ ...base, topic: 'no.such' }).success).toBe(false);
  });
});
