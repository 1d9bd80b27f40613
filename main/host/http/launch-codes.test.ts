import { describe, expect, it } from 'vitest';
import { LaunchCodes } from './launch-codes';

describe('launch codes', () => {
  it('are worth the token once, for a minute', () => {
    let now = 0;
    const codes = new LaunchCodes(() => now);
    const a = codes.issue('tok');
    const b = codes.issue('tok');
    expect(a).not.toBe(b);
    expect(a).not.toContain('tok');
    expect(codes.redeem(a)).toBe('tok');
    expect(codes.redeem(a)).toBeNull();
    now = 60_001;
    expect(codes.redeem(b)).toBeNull();
    expect(codes.redeem('unknown')).toBeNull();
  });
});
