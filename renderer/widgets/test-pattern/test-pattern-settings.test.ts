import { describe, expect, it } from 'vitest';
import { TestPatternSettings } from './test-pattern-settings';

describe('test-pattern settings', () => {
  it('defaults to lines 160 px apart, 6 px thick', () => {
    expect(TestPatternSettings.parse({})).toEqual({ spacing: 160, lineWidth: 6 });
  });

  it('names the bad field', () => {
    const r = TestPatternSettings.safeParse({ spacing: 5 });
    expect(!r.success && r.error.issues[0]?.path).toEqual(['spacing']);
  });
});
