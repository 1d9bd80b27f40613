import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../../src/contract/topics.js';
import { openAlerts } from './alert-order';

const alert = (
  id: string,
  severity: AlertPayload['severity'],
  raisedAt: number,
  state: AlertPayload['state'] = 'active',
): AlertPayload => ({
  id,
  severity,
  title: id,
  category: 'flood',
  province: '46',
  state,
  raisedAt,
});

describe('openAlerts', () => {
  it('lists active alerts, most severe first, then newest', () => {
    const list = openAlerts(
      [
        alert('old-minor', 'minor', 1),
        alert('new-critical', 'critical', 9),
        alert('old-critical', 'critical', 2),
        alert('info', 'info', 10),
        alert('major', 'major', 5),
        alert('done', 'critical', 20, 'resolved'),
        alert('seen', 'critical', 21, 'acknowledged'),
      ],
      false,
    );
    expect(list.map((a) => a.id)).toEqual(['new-critical', 'old-critical', 'major', 'old-minor', 'info']);
  });

  it('adds acknowledged alerts when asked, never resolved ones', () => {
    const list = openAlerts(
      [alert('done', 'critical', 20, 'resolved'), alert('seen', 'major', 21, 'acknowledged')],
      true,
    );
    expect(list.map((a) => a.id)).toEqual(['seen']);
  });
});
