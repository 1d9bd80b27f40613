import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/contract/hub-protocol.js';
import { sceneProvenance } from './scene-provenance';

const ev = (topic: Envelope['topic'], key: string, time: number, payload: object): Envelope => ({
  topic,
  key,
  time,
  offset: time,
  source: 't',
  payload,
});

describe('the provenance of a scene’s figures', () => {
  const events = [
    ev('econ.indicators', '01:fdi', 10, {
      indicator: 'fdi',
      sourceSystem: 'Cục ĐTNN',
      period: '2026-10',
      status: 'official',
    }),
    ev('econ.indicators', '79:fdi', 20, {
      indicator: 'fdi',
      sourceSystem: 'Cục ĐTNN',
      period: '2026-10',
      status: 'preliminary',
    }),
    ev('econ.indicators', '01:cpi', 30, {
      indicator: 'cpi',
      sourceSystem: 'Cục Thống kê',
      period: '2026-10',
      status: 'official',
    }),
    ev('econ.live', 'documents_processed_today', 40, { sourceSystem: 'Hệ thống văn bản' }),
    ev('ops.alerts', 'CB-1', 50, { title: 'Ngập' }),
  ];

  it('lists each source, period and status among the values the tiles read, with the newest update', () => {
    const lines = sceneProvenance(
      [{ topics: ['econ.indicators'], indicator: 'fdi' }, { topics: ['ops.alerts'] }],
      events,
    );
    expect(lines).toEqual([
      { topic: 'econ.indicators', source: 'Cục ĐTNN', period: '2026-10', status: 'official', newest: 10 },
      { topic: 'econ.indicators', source: 'Cục ĐTNN', period: '2026-10', status: 'preliminary', newest: 20 },
      { topic: 'ops.alerts', source: null, period: null, status: null, newest: 50 },
    ]);
  });

  it('reads one key when the tile names it, and nothing of topics no tile reads', () => {
    expect(sceneProvenance([{ topics: ['econ.live'], key: 'other' }], events)).toEqual([]);
    expect(sceneProvenance([], events)).toEqual([]);
  });
});
