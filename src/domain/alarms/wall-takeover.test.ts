import { describe, expect, it } from 'vitest';
import type { ActiveResponse } from './response-schema.js';
import { takeoverBySurface } from './wall-takeover.js';

const response = (alarmId: string, presetId: string, monitors: string[]): ActiveResponse => ({
  alarmId,
  ruleId: 'r',
  priority: 'high',
  title: alarmId,
  province: null,
  activatedAt: 1,
  response: { kind: 'show-preset', presetId, monitors },
  revertAt: null,
});
const SURFACES = [
  { id: 'wall-1', monitors: ['m1'] },
  { id: 'wall-2', monitors: ['m2'] },
  { id: 'wall-34', monitors: ['m3', 'm4'] },
];

describe('takeoverBySurface', () => {
  it('takes only the surfaces of the monitors named, the first response of the list winning a monitor', () => {
    const taken = takeoverBySurface(
      [
        response('lu', 'ung-pho', ['m2']),
        response('chay', 'chay-rung', ['m2', 'm4']),
        { ...response('z', 'x', []), response: { kind: 'zoom-map' } },
      ],
      SURFACES,
    );
    expect([...taken]).toEqual([
      ['wall-2', { presetId: 'ung-pho', alarmId: 'lu' }],
      ['wall-34', { presetId: 'chay-rung', alarmId: 'chay' }],
    ]);
  });
});
