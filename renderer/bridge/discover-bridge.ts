// Applies resolveBridgeParams to the real page: reads window.iocWall, the address and sessionStorage, then keeps
// an address token in sessionStorage (so a reload still connects) and takes it out of the visible address.
import { resolveBridgeParams, type BridgeParamsResult } from './bridge-params';

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
