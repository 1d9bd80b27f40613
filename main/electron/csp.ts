// The Content-Security-Policy of every page the shell serves from app://. Pure, so it is unit-tested.
// The pages come from the bundle ('self'); the network origins they may reach are the host's bridge on loopback
// (http + its websocket twin), as DESIGN.md requires, and the video origins the site named (`--media-origin`),
// exactly as the host's own page CSP (main/host/http/http-server.ts) allows them.

/** The origins of the bridge a page may connect to: its http(s) origin and the matching ws(s) origin. */
export function bridgeConnectSources(bridgeUrl: string): [string, string] {
  const url = new URL(bridgeUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`bridge URL must be http or https, got ${url.protocol}`);
  }
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}

/**
 * The CSP header value. `bridgeUrl` is null before the host has said where the bridge is: pages are not
 * loaded then, but if one were it gets no network at all. `mediaOrigins` are already scheme://host:port.
 */
export function buildContentSecurityPolicy(bridgeUrl: string | null, mediaOrigins: readonly string[] = []): string {
  // 'self' in connect-src lets the page fetch files of its own bundle (e.g. geodata emitted by Vite); it
  // is app://ioc-wall, never the network.
  const connect = ["'self'", ...(bridgeUrl === null ? [] : bridgeConnectSources(bridgeUrl)), ...mediaOrigins];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['font-src', ["'self'", 'data:']],
    // MJPEG streams and posters are images; hls.js plays through a blob: MediaSource.
    ['img-src', ["'self'", 'data:', 'blob:', ...mediaOrigins]],
    ['media-src', ["'self'", 'blob:', ...mediaOrigins]],
    ['connect-src', connect],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
