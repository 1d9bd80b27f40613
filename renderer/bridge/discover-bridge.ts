// Applies resolveBridgeParams to the real page: reads window.iocWall, the address and sessionStorage, then keeps
// an address token in sessionStorage (so a reload still connects) and takes it out of the visible address.
import {
  LAUNCH_CODE,
  paramInAddress,
  resolveBridgeParams,
  withoutParam,
  type BridgeParamsResult,
} from './bridge-params';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; validated before use, hence unknown. */
    iocWall?: unknown;
  }
}

const STORAGE_KEY = 'ioc-wall.bridge-token';

function storedToken(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the address must carry the token on every load
  }
}

/**
 * A window the host started carries a one-time code, not the token (its command line is readable by others):
 * trade it for the token before anything else, keep the token for reloads, and take the code out of the address.
 * A code already used (a reload of a window whose address still shows it) is ignored: the stored token stands.
 */
export async function redeemLaunchCode(): Promise<void> {
  const code = paramInAddress(window.location.href, LAUNCH_CODE);
  if (!code) return;
  window.history.replaceState(window.history.state, '', withoutParam(window.location.href, LAUNCH_CODE));
  try {
    const res = await fetch('/api/launch-code', { method: 'POST', body: code });
    if (!res.ok) return;
    const { token } = (await res.json()) as { token?: unknown };
    if (typeof token === 'string') window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // No host or no storage: the page then says the bridge is missing, as for any address without a token.
  }
}

export function discoverBridgeParams(): BridgeParamsResult {
  const result = resolveBridgeParams({
    preload: window.iocWall,
    href: window.location.href,
    storedToken: storedToken(),
  });
  if (result.ok && result.source === 'address') {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, result.params.token);
    } catch {
      // Without storage the token stays usable for this load only; nothing more to do.
    }
    if (result.cleanHref) window.history.replaceState(window.history.state, '', result.cleanHref);
  }
  return result;
}
