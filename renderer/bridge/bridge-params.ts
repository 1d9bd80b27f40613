// Where the bridge is: from the Electron preload (`window.iocWall`) or, in a browser, from the page's own origin
// plus the `?token=` the host printed. Pure (takes the address and storage as strings) so it is unit-tested.
import { z } from 'zod';
import { BridgeParams } from '../../src/contract/bridge.js';

export interface BridgeParamsSources {
  /** What the preload exposed as `window.iocWall`; undefined in a plain browser. */
  preload: unknown;
  /** The page address (`location.href`). */
  href: string;
  /** A token kept in sessionStorage by an earlier load of this tab, after it was removed from the address. */
  storedToken: string | null;
}

export type BridgeParamsResult =
  | {
      ok: true;
      params: BridgeParams;
      source: 'preload' | 'address' | 'session';
      /** The address without its token, when the token was in it (to put back with history.replaceState). */
      cleanHref: string | null;
    }
  | { ok: false; reason: 'missing' | 'invalid'; detail: string };

const TOKEN = 'token';
/** A one-time launch code the host put in a window's command line instead of the token. */
export const LAUNCH_CODE = 'code';

/** Reads a parameter from the query string, or from a query inside the hash (`#/wall/x?token=…`). */
export function paramInAddress(href: string, name: string = TOKEN): string | null {
  const url = new URL(href);
  const direct = url.searchParams.get(name);
  if (direct) return direct;
  const query = url.hash.indexOf('?');
  return query < 0 ? null : new URLSearchParams(url.hash.slice(query + 1)).get(name);
}

/** The address with every such parameter removed, query string and hash alike. */
export function withoutParam(href: string, name: string = TOKEN): string {
  const url = new URL(href);
  url.searchParams.delete(name);
  const query = url.hash.indexOf('?');
  if (query >= 0) {
    const rest = new URLSearchParams(url.hash.slice(query + 1));
    rest.delete(name);
    const tail = rest.toString();
    url.hash = url.hash.slice(0, query) + (tail ? `?${tail}` : '');
  }
  return url.toString();
}

export function resolveBridgeParams(sources: BridgeParamsSources): BridgeParamsResult {
  if (sources.preload !== undefined && sources.preload !== null) {
    const parsed = BridgeParams.safeParse(sources.preload);
    return parsed.success
      ? { ok: true, params: parsed.data, source: 'preload', cleanHref: null }
      : { ok: false, reason: 'invalid', detail: z.prettifyError(parsed.error) };
  }
  let fromAddress: string | null;
  let origin: string;
  try {
    fromAddress = paramInAddress(sources.href);
    origin = new URL(sources.href).origin;
  } catch {
    return { ok: false, reason: 'invalid', detail: `page address "${sources.href}" cannot be read` };
  }
  const token = fromAddress ?? sources.storedToken;
  if (!token) return { ok: false, reason: 'missing', detail: 'no ?token= in the page address' };
  // An opaque origin ("null": file:, a custom scheme) cannot host the bridge; only the preload can name it.
  if (origin === 'null') return { ok: false, reason: 'missing', detail: `no bridge address for "${sources.href}"` };
  const parsed = BridgeParams.safeParse({ bridgeUrl: origin, token });
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: z.prettifyError(parsed.error) };
  return {
    ok: true,
    params: parsed.data,
    source: fromAddress ? 'address' : 'session',
    cleanHref: fromAddress ? withoutParam(sources.href) : null,
  };
}
