import { describe, expect, it } from 'vitest';
import { fromInputValue, toInputValue } from './zone-input';

describe('the time field in the centre’s clock', () => {
  it('reads and writes UTC+7 whatever the machine’s zone', () => {
    const t = Date.UTC(2026, 10, 30, 17, 5); // 1 Dec 2026 00:05 in Hà Nội
    expect(toInputValue(t)).toBe('2026-12-01T00:05');
    expect(fromInputValue('2026-12-01T00:05')).toBe(t);
  });

  it('refuses what is not a date and time', () => {
    expect(fromInputValue('')).toBeNull();
    expect(fromInputValue('2026-13-45T99:99')).toBeNull();
    expect(fromInputValue('2026-12-01 00:05')).toBeNull();
  });
});
