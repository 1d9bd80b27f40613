// Hash routes of the page: #/wall/<surfaceId>, #/console, #/presenter, #/briefing. Hash routing because the page is also
// loaded from app://ioc-wall/index.html, where there is no server to answer other paths.
import { PackId } from '../../src/contract/briefing-pack.js';
import { SurfaceId } from '../../src/contract/wall.js';

export type Route =
  | { kind: 'wall'; surfaceId: string }
  | { kind: 'console' }
  /** A leader's tablet or phone driving the briefing (the console's token, a login). */
  | { kind: 'presenter' }
  | { kind: 'briefing' }
  /** A briefing pack's print page (`#/print?pack=<id>`): what the host prints to PDF. */
  | { kind: 'print'; packId: string }
  /** No route given: the preload's surface, else the console. */
  | { kind: 'home' }
  | { kind: 'unknown'; path: string };

export function parseRoute(hash: string): Route {
  const path = (hash.startsWith('#') ? hash.slice(1) : hash).split('?')[0] ?? '';
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { kind: 'home' };
  if (parts[0] === 'wall' && parts.length === 2) {
    const id = safeDecode(parts[1] ?? '');
    return id !== null && SurfaceId.safeParse(id).success ? { kind: 'wall', surfaceId: id } : { kind: 'unknown', path };
  }
  if (parts.length === 1 && parts[0] === 'console') return { kind: 'console' };
  if (parts.length === 1 && parts[0] === 'presenter') return { kind: 'presenter' };
  if (parts.length === 1 && parts[0] === 'briefing') return { kind: 'briefing' };
  if (parts.length === 1 && parts[0] === 'print') {
    const packId = new URLSearchParams(hash.split('?')[1] ?? '').get('pack');
    return packId && PackId.safeParse(packId).success ? { kind: 'print', packId } : { kind: 'unknown', path };
  }
  return { kind: 'unknown', path };
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
