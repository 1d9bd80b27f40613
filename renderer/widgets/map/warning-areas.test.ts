import { describe, expect, it } from 'vitest';
import type { WarningPayload } from '../../../src/domain/warnings/warning-schema.js';
import { circleRing, warningAreas } from './warning-areas';

const warning = (over: Partial<WarningPayload>): WarningPayload => ({
  id: 'W-1',
  sender: 'nchmf.gov.vn',
  sentAt: 0,
  msgType: 'Alert',
  state: 'active',
  event: 'Bão',
  headline: 'Bão số 12',
  priority: 'high',
  severity: 'Severe',
  urgency: 'Expected',
  certainty: 'Likely',
  areas: [
    {
      description: 'Ven biển',
      polygons: [
        [
          [107.85, 15.85],
          [108.15, 15.85],
          [108.15, 16.15],
          [107.85, 16.15],
          [107.85, 15.85],
        ],
      ],
      circles: [{ centre: [108.8, 15.12], radiusKm: 5 }],
      provinces: ['46', '48'],
    },
  ],
  provinces: ['46', '48'],
  expiresAt: null,
  sourceSystem: 'NCHMF',
  ...over,
});

describe('warning areas on the map', () => {
  it('draws every polygon and circle of an active warning, labelled at its first area', () => {
    const { parts, labels } = warningAreas([{ key: 'W-1', payload: warning({}) }], 1000);
    expect(parts.map((p) => [p.id, p.priority, p.ring.length])).toEqual([
      ['W-1', 'high', 5],
      ['W-1', 'high', 49],
    ]);
    expect(labels).toMatchObject([{ id: 'W-1', text: 'Bão số 12' }]);
    expect(labels[0]?.position[0]).toBeCloseTo(108, 9);
    expect(labels[0]?.position[1]).toBeCloseTo(16, 9);
  });

  it('draws nothing of a cancelled or expired warning', () => {
    const { parts, labels } = warningAreas(
      [
        { key: 'a', payload: warning({ state: 'cancelled' }) },
        { key: 'b', payload: warning({ expiresAt: 500 }) },
      ],
      1000,
    );
    expect(parts).toEqual([]);
    expect(labels).toEqual([]);
  });

  it('approximates a circle by a closed ring at the radius', () => {
    const ring = circleRing([108, 0], 111.32);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring[0]?.[0]).toBeCloseTo(109, 5);
    expect(ring[12]?.[1]).toBeCloseTo(1, 5);
  });
});
