import { describe, expect, it } from 'vitest';
import type { Envelope } from '../src/contract/hub-protocol.js';
import { toEnvelope, toEventRow } from './event-rows.js';

describe('event rows', () => {
  it('stores the payload as JSON text and reads the same envelope back', () => {
    const e: Envelope = {
      topic: 'econ.live',
      offset: 7,
      time: 1_700_000_000_000,
      source: 's',
      key: 'k',
      payload: { metric: 'k', value: 1.5, note: 'Hà Nội' },
    };
    const row = toEventRow(e);
    expect(row.payload).toBe('{"metric":"k","value":1.5,"note":"Hà Nội"}');
    expect(toEnvelope(row)).toEqual(e);
  });
});
