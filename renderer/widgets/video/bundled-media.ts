// Media shipped with the app (assets/demo-media/, how it was made is in its README), so the demo wall plays a
// video with no camera and no network. Vite emits each file into the bundle and gives its URL.
import demoClip from '../../../assets/demo-media/demo-clip.mp4?url';
import { BUNDLED_PREFIX } from './video-settings';

const BUNDLED: Record<string, string> = {
  'demo-clip': demoClip,
};

/** The URL to load for a tile's url setting; throws for an unknown bundled name (the tile shows it). */
export function resolveVideoUrl(url: string): string {
  if (!url.startsWith(BUNDLED_PREFIX)) return url;
  const name = url.slice(BUNDLED_PREFIX.length);
  const resolved = BUNDLED[name];
  if (!resolved) throw new Error(`no bundled media "${name}"; known: ${Object.keys(BUNDLED).join(', ')}`);
  return resolved;
}
