import { describe, expect, it } from 'vitest';
import { catchUpFigures } from './catch-up-figures';

describe('catch-up figures', () => {
  it('counts a long replay in millions, vi-VN first', () => {
    expect(catchUpFigures({ replayed: 1_620_000, total: 3_600_000, etaS: 12 }, 'vi')).toEqual({
      key: 'replay.catchingUpMillions',
      percent: '45',
      replayed: '1,6',
      total: '3,6',
    });
    expect(catchUpFigures({ replayed: 1_620_000, total: 3_600_000, etaS: 12 }, 'en').replayed).toBe('1.6');
  });

  it('counts a short one in events, and never says 100 % before the end', () => {
    expect(catchUpFigures({ replayed: 4_999, total: 5_000, etaS: null }, 'vi')).toEqual({
      key: 'replay.catchingUp',
      percent: '99',
      replayed: '4.999',
      total: '5.000',
    });
  });
});
