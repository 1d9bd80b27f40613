// The host's loopback HTTP server: the renderer bundle (with a strict CSP), /healthz and /api/status.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface HttpOptions {
  rendererDir: string;
  status: () => unknown;
}

/** The page may load only itself and talk only to this host (the bridge is same-origin). */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export function createHttpServer(options: HttpOptions): Server {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`the renderer bundle is missing in ${options.rendererDir}: run \`npm run build\` first`);
  }
  const assets = sirv(options.rendererDir, {
    dev: false,
    etag: true,
    setHeaders: (res) => {
      res.setHeader('Content-Security-Policy', PAGE_CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
    },
  });
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return json(res, 200, { ok: true });
    if (path === '/api/status') return json(res, 200, options.status());
    if (path?.startsWith('/socket.io')) return; // the bridge's upgrade requests are socket.io's
    assets(req, res, () => json(res, 404, { error: 'not found' }));
  });
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
