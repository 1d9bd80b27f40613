// The host's loopback HTTP server: the renderer bundle (with a strict CSP), /healthz, /api/status (with the
// token), the exchange of a window's one-time launch code for the token, and the camera relays' HLS.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import type { LaunchCodes } from './launch-codes.js';
import { carriesToken, hostHeaderAllowed } from './request-guard.js';

export interface HttpOptions {
  rendererDir: string;
  status: () => unknown;
  /** What /api/status shows a caller without the token: who answers, nothing of the wall. */
  publicStatus: () => unknown;
  /** The per-launch bridge token that /api/status requires. */
  token: string;
  launchCodes: LaunchCodes;
  /** Origins of video sources the site allowed (`--media-origin`): already normalised to scheme://host:port. */
  mediaOrigins?: readonly string[];
  /** The camera relays' HLS: files of `dir` under `prefix` (same origin, so the CSP's 'self' covers them). */
  relay?: { prefix: string; dir: string };
  /** Host headers of the room address (`--room-address`), known once it listens. */
  roomHosts?: () => readonly string[];
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
  // Playlists change every second: never cached, the directory read anew on every request.
  const relay = options.relay;
  const relayFiles = relay
    ? sirv(relay.dir, { dev: true, setHeaders: (res) => res.setHeader('cache-control', 'no-store') })
    : undefined;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!hostHeaderAllowed(req, (server.address() as AddressInfo).port, options.roomHosts?.() ?? [])) {
      return json(res, 403, { error: 'this server answers only to 127.0.0.1 and localhost' });
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return json(res, 200, { ok: true });
    if (path === '/api/status') {
      return carriesToken(req, options.token)
        ? json(res, 200, options.status())
        : json(res, 401, { ...(options.publicStatus() as object), error: 'the full status needs the token' });
    }
    if (path === '/api/launch-code' && req.method === 'POST') return redeem(req, res, options.launchCodes);
    if (path?.startsWith('/socket.io')) return; // the bridge's upgrade requests are socket.io's
    if (relay && relayFiles && path?.startsWith(`${relay.prefix}/`)) {
      req.url = path.slice(relay.prefix.length);
      return relayFiles(req, res, () => json(res, 404, { error: 'no such relay file' }));
    }
    assets(req, res, () => json(res, 404, { error: 'not found' }));
  });
  // Node closes an idle keep-alive connection after 5 s, which races a client (a monitoring script polling
  // /api/status, a busy test) that reuses it just then: "other side closed". On loopback an idle socket costs
  // nothing, so the client is left to close it first.
  server.keepAliveTimeout = 60_000;
  return server;
}

/** A window's page trades its one-time code (the request body) for the token. */
function redeem(req: IncomingMessage, res: ServerResponse, codes: LaunchCodes): void {
  let body = '';
  let tooLarge = false;
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    if (tooLarge) return; // read and dropped: the answer is already on its way
    body += chunk;
    if (body.length > 256) {
      tooLarge = true;
      res.setHeader('connection', 'close');
      json(res, 413, { error: 'a launch code is short' });
    }
  });
  req.on('end', () => {
    if (tooLarge) return;
    const token = codes.redeem(body.trim());
    if (token) json(res, 200, { token });
    else json(res, 403, { error: 'unknown, used or expired launch code' });
  });
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
