// The host's loopback HTTP server: the renderer bundle (with a strict CSP), /healthz and /api/status.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface HttpOptions {
  rendererDir: string;
  status: () => unknown;
  /** Origins of video sources the site allowed (`--media-origin`): already normalised to scheme://host:port. */
  mediaOrigins?: readonly string[];
}

/**
 * The page may load only itself and talk only to this host (the bridge is same-origin), plus the stream origins
 * the site named: images (MJPEG, posters), media (plain files) and connections (hls.js fetches playlists and
 * segments, WHEP posts its offer). Scripts and styles stay 'self' whatever is configured.
 */
function pageCsp(mediaOrigins: readonly string[] = []): string {
  const extra = mediaOrigins.map((origin) => ` ${origin}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self' data:",
    `img-src 'self' data: blob:${extra}`,
    `media-src 'self' blob:${extra}`,
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function createHttpServer(options: HttpOptions): Server {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`the renderer bundle is missing in ${options.rendererDir}: run \`npm run build\` first`);
  }
  const csp = pageCsp(options.mediaOrigins);
  const assets = sirv(options.rendererDir, {
    dev: false,
    etag: true,
    setHeaders: (res) => {
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
    },
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return json(res, 200, { ok: true });
    if (path === '/api/status') return json(res, 200, options.status());
    if (path?.startsWith('/socket.io')) return; // the bridge's upgrade requests are socket.io's
    assets(req, res, () => json(res, 404, { error: 'not found' }));
  });
  // Node closes an idle keep-alive connection after 5 s, which races a client (a monitoring script polling
  // /api/status, a busy test) that reuses it just then: "other side closed". On loopback an idle socket costs
  // nothing, so the client is left to close it first.
  server.keepAliveTimeout = 60_000;
  return server;
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
