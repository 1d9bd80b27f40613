import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../../src/contract/topics.js';
import { alertTickerItems, staticTickerItems } from './ticker-items';

const alert = (id: string, raisedAt: number, state: AlertPayload['state'] = 'active'): AlertPayload => ({
  id,
  severity: 'major',
  title: `Cảnh báo ${id}`,
  category: 'flood',
  province: '01',
  state,
  raisedAt,
});

describe('alertTickerItems', () => {
  it('lists unresolved alerts newest first, up to the limit, with the place', () => {
    const items = alertTickerItems(
      [alert('a', 1), alert('b', 3), alert('c', 2, 'resolved'), alert('d', 4, 'acknowledged')],
      2,
      (code) => (code === '01' ? 'Hà Nội' : code),
    );
    expect(items).toEqual([
      { id: 'd', severity: 'major', text: 'Cảnh báo d — Hà Nội' },
      { id: 'b', severity: 'major', text: 'Cảnh báo b — Hà Nội' },
    ]);
  });
});

describe('staticTickerItems', () => {
  it('keeps the order of the settings', () => {
    expect(staticTickerItems(['x', 'y']).map((i) => i.text)).toEqual(['x', 'y']);
  });
});
