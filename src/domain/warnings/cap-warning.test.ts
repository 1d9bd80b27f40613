import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Alarm } from '../alarms/alarm-schema.js';
import { provinceIndex } from '../geo/area-provinces.js';
import { parseProvinceBoundaries } from '../geo/province-boundaries.js';
import { CapAlert } from './cap-alert.js';
import { capPriority } from './cap-priority.js';
import { capWarning, warningKey } from './cap-warning.js';
import { warningAlarm } from './warning-alarm.js';
import { WarningPayload } from './warning-schema.js';

const file = join(import.meta.dirname, '../../../assets/geodata/vn_provinces_34.geojson');
const boundaries = parseProvinceBoundaries(JSON.parse(readFileSync(file, 'utf8')));
if (!boundaries.ok) throw new Error(boundaries.error);
const index = provinceIndex(boundaries.provinces);
const by = { kind: 'system', source: 'cap:nchmf' } as const;

const info = (severity: string, headline: string) => ({
  language: 'vi-VN',
  category: ['Met'],
  event: 'Bão',
  urgency: 'Expected',
  severity,
  certainty: 'Likely',
  headline,
  area: [
    // CAP writes lat,lon: a square across the border of Huế and Đà Nẵng, and a geocode by name.
    {
      areaDesc: 'Ven biển Huế – Đà Nẵng',
      polygon: ['15.85,107.85 15.85,108.15 16.15,108.15 16.15,107.85 15.85,107.85'],
    },
    { areaDesc: 'Quảng Ngãi', geocode: [{ valueName: 'province', value: 'Quảng Ngãi' }] },
  ],
});
const alert = (over: Record<string, unknown>) =>
  CapAlert.parse({
    identifier: 'NCHMF-2026-001',
    sender: 'nchmf.gov.vn',
    sent: '2026-11-01T08:00:00+07:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    info: [info('Severe', 'Bão số 12 đổ bộ')],
    ...over,
  });

const first = alert({});
const update = alert({
  identifier: 'NCHMF-2026-002',
  sent: '2026-11-01T14:00:00+07:00',
  msgType: 'Update',
  references: 'nchmf.gov.vn,NCHMF-2026-001,2026-11-01T08:00:00+07:00',
  info: [info('Extreme', 'Bão số 12 mạnh lên cấp 14')],
});
const cancel = alert({
  identifier: 'NCHMF-2026-003',
  sent: '2026-11-02T08:00:00+07:00',
  msgType: 'Cancel',
  references:
    'nchmf.gov.vn,NCHMF-2026-002,2026-11-01T14:00:00+07:00 nchmf.gov.vn,NCHMF-2026-001,2026-11-01T08:00:00+07:00',
  info: [],
});

describe('CAP alert to warning', () => {
  it('keys every message of a warning by its first identifier', () => {
    expect([first, update, cancel].map(warningKey)).toEqual(Array(3).fill('NCHMF-2026-001'));
  });

  it('maps areas to provinces, polygons in [lon, lat]', () => {
    const warning = WarningPayload.parse(capWarning(first, index));
    expect(warning.areas.map((a) => a.provinces)).toEqual([['46', '48'], ['51']]);
    expect(warning.provinces).toEqual(['46', '48', '51']);
    expect(warning.areas[0]?.polygons[0]?.[1]).toEqual([108.15, 15.85]);
    expect(warning).toMatchObject({ state: 'active', priority: 'high', headline: 'Bão số 12 đổ bộ' });
  });

  it('keeps what a cancelled warning said when the Cancel has no info', () => {
    const before = capWarning(update, index);
    expect(capWarning(cancel, index, before)).toMatchObject({
      state: 'cancelled',
      msgType: 'Cancel',
      id: 'NCHMF-2026-003',
      headline: 'Bão số 12 mạnh lên cấp 14',
    });
  });

  it('refuses an Update without references and a message type CAP does not act on', () => {
    expect(
      CapAlert.safeParse({ ...first, sent: '2026-11-01T08:00:00+07:00', msgType: 'Update', info: [] }).success,
    ).toBe(false);
    expect(() => alert({ msgType: 'Ack' })).toThrow();
    expect(() => alert({ sent: '2026-11-01 08:00' })).toThrow();
  });
});

describe('CAP priority', () => {
  it.each([
    ['Extreme', 'Immediate', 'Observed', 'emergency'],
    ['Severe', 'Expected', 'Likely', 'high'],
    ['Severe', 'Immediate', 'Observed', 'emergency'],
    ['Moderate', 'Expected', 'Possible', 'medium'],
    ['Moderate', 'Future', 'Unlikely', 'low'],
    ['Minor', 'Past', 'Observed', 'low'],
    ['Unknown', 'Unknown', 'Unknown', 'low'],
  ] as const)('%s/%s/%s → %s', (severity, urgency, certainty, priority) => {
    expect(capPriority(severity, urgency, certainty)).toBe(priority);
  });
});

describe('warning alarm', () => {
  it('raises one alarm, updates it in place and clears it on Cancel', () => {
    const t0 = Date.UTC(2026, 10, 1);
    const w1 = capWarning(first, index);
    const a1 = Alarm.parse(warningAlarm('NCHMF-2026-001', w1, undefined, by, t0));
    expect(a1).toMatchObject({ id: 'cap:NCHMF-2026-001', ruleId: 'cap', state: 'unack', priority: 'high' });
    expect(a1.area.province).toBeNull();

    const w2 = capWarning(update, index);
    const a2 = Alarm.parse(warningAlarm('NCHMF-2026-001', w2, a1, by, t0 + 1000));
    expect(a2).toMatchObject({ id: a1.id, state: 'unack', priority: 'emergency', activationCount: 1 });
    expect(a2.title).toBe('Bão số 12 mạnh lên cấp 14');

    const a3 = Alarm.parse(warningAlarm('NCHMF-2026-001', capWarning(cancel, index, w2), a2, by, t0 + 2000));
    expect(a3).toMatchObject({ state: 'rtnun', conditionActive: false });
    expect(a3.timeline.map((t) => t.event)).toEqual(['condition-active', 'condition-clear']);
    expect(a3.timeline[1]?.by).toEqual(by);
  });

  it('records nothing for a Cancel of a warning it never raised', () => {
    expect(warningAlarm('X', capWarning(cancel, index), undefined, by, 0)).toBeNull();
  });
});
