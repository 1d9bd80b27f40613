import { describe, expect, it } from 'vitest';
import { defaultSurfaces, virtualMonitors } from '../../../src/domain/default-wall.js';
import { instantiateTile } from '../registry';
import { resolveVideoUrl } from './bundled-media';

describe('the demo wall’s media surface', () => {
  // Enough monitors that every demo layout is used once, including the media one.
  const monitors = virtualMonitors();
  const tiles = defaultSurfaces(monitors).flatMap((s) => s.layout.tiles.map((tile) => ({ surface: s.id, tile })));

  it('has a video, a text, an image and two tickers, all with valid settings', () => {
    const kinds = new Set(tiles.map((t) => t.tile.kind));
    for (const kind of ['video', 'text', 'image', 'ticker']) expect(kinds.has(kind), kind).toBe(true);
    for (const { surface, tile } of tiles.filter((t) => ['video', 'text', 'image', 'ticker'].includes(t.tile.kind))) {
      const made = instantiateTile(tile.kind, tile.settings);
      expect(made.ok, `${surface}/${tile.id}: ${made.ok ? '' : made.detail}`).toBe(true);
    }
  });

  it('plays a clip that ships with the app', () => {
    const video = tiles.find((t) => t.tile.kind === 'video');
    expect(video?.tile.settings['url']).toBe('bundled:demo-clip');
    expect(resolveVideoUrl('bundled:demo-clip')).toMatch(/demo-clip.*\.mp4$/);
    expect(() => resolveVideoUrl('bundled:nope')).toThrow(/demo-clip/);
  });
});
