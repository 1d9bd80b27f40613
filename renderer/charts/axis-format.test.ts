import { describe, expect, it } from 'vitest';
import { dateTimeLabel, timeLabel, valueLabel } from './axis-format';

// 2026-10-05 08:30 in Hà Nội (UTC+7).
const t = Date.UTC(2026, 9, 5, 1, 30);

describe('axis labels', () => {
  it('prints HH:mm over a short span and dd/MM/yyyy over a long one, in the room’s zone', () => {
    expect(timeLabel(t, 3_600_000)).toBe('08:30');
    expect(timeLabel(t, 7 * 86_400_000)).toBe('05/10/2026');
    expect(dateTimeLabel(t)).toBe('05/10/2026 08:30');
  });

  it('prints numbers the Vietnamese way', () => {
    expect(valueLabel(1234.56, 'vi')).toBe('1.235');
    expect(valueLabel(12.34, 'vi')).toBe('12,3');
    expect(valueLabel(12.34, 'en')).toBe('12.3');
  });
});
