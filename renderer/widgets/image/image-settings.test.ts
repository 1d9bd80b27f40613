import { describe, expect, it } from 'vitest';
import { ImageSettings } from './image-settings';

describe('ImageSettings', () => {
  it('takes paths on this host and data:image URLs, with contain by default', () => {
    expect(ImageSettings.parse({ url: '/logo.png' })).toEqual({ url: '/logo.png', fit: 'contain', alt: '' });
    expect(ImageSettings.safeParse({ url: 'data:image/png;base64,iVBORw0KGgo=' }).success).toBe(true);
  });

  it('refuses other origins, schemes and fit modes', () => {
    for (const url of ['https://example.com/a.png', '//example.com/a.png', 'javascript:1', 'data:text/html,x']) {
      expect(ImageSettings.safeParse({ url }).success).toBe(false);
    }
    expect(ImageSettings.safeParse({ url: '/a.png', fit: 'stretch' }).success).toBe(false);
  });
});
