import { describe, expect, it } from 'vitest';
import { TextSettings } from './text-settings';

describe('TextSettings', () => {
  it('fills size and alignment', () => {
    expect(TextSettings.parse({ title: 'Lịch họp', paragraphs: ['9:00 Giao ban'] })).toEqual({
      title: 'Lịch họp',
      paragraphs: ['9:00 Giao ban'],
      size: 'large',
      align: 'start',
    });
  });

  it('needs a title or a paragraph', () => {
    expect(TextSettings.safeParse({}).success).toBe(false);
    expect(TextSettings.safeParse({ paragraphs: [''] }).success).toBe(false);
    expect(TextSettings.safeParse({ title: 'x' }).success).toBe(true);
  });
});
