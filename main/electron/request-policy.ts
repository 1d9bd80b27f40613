// Which URLs the shell's pages may request at all (webRequest filter, on top of the CSP). Pure, so it is
// unit-tested. DESIGN.md: nothing outside the machine is reachable; the network origins are the bridge and the
// video origins the site named (`--media-origin`).
import { APP_ORIGIN } from './app-protocol.js';
import { bridgeConnectSources } from './csp.js';

/** Schemes that never leave the process: inline data, page-made blobs, and Chromium's own tools. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-devtools:', 'about:']);

export function isAllowedRequest(url: string, bridgeUrl: string | null, mediaOrigins: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  // Built by hand: URL.origin is "null" for schemes Node does not know, such as app:.
  const origin = `${parsed.protocol}//${parsed.host}`;
  if (origin === APP_ORIGIN) return true;
  if (mediaOrigins.includes(origin)) return true;
  if (bridgeUrl === null) return false;
  const [httpOrigin, wsOrigin] = bridgeConnectSources(bridgeUrl);
  return origin === httpOrigin || origin === wsOrigin;
}
