// The app:// scheme: the renderer bundle (dist/renderer) served from disk or the asar, never over http.
// No electron import here (only types), so the request handler is unit-tested with Node's Request/Response;
// main.ts registers it with protocol.handle.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
const APP_HOST = 'ioc-wall';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * standard: relative URLs and a real origin (storage, fetch); secure: treated like https (secure context);
 * supportFetchAPI: the bundle may fetch its own files. Must be registered before app `ready`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The address of a page of the bundle, e.g. appPageUrl('/wall/wall-1'). */
export function appPageUrl(route: string): string {
  return `${APP_ORIGIN}/index.html#${route}`;
}

/** True for our own pages only: navigation anywhere else is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedRequest = { file: string } | { status: 400 | 404; reason: string };

/**
 * Maps an app:// URL to a file under `root`, refusing anything that could leave it: other hosts, `..` or
 * `.` segments (also percent-encoded), encoded slashes or backslashes, NUL bytes.
 */
export function resolveAppRequest(root: string, requestUrl: string): ResolvedRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, reason: 'bad URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404, reason: 'unknown host' };
  const rawSegments = url.pathname.split('/').slice(1);
  if (rawSegments.length === 0 || rawSegments[rawSegments.length - 1] === '') {
    rawSegments[Math.max(0, rawSegments.length - 1)] = 'index.html';
  }
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { status: 400, reason: 'bad percent-encoding' };
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
      return { status: 404, reason: 'refused path' };
    }
    segments.push(segment);
  }
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const relative = path.relative(base, file);
  // Belt and braces: after the checks above this cannot happen, but the rule is "never outside root".
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { status: 404, reason: 'outside root' };
  }
  return { file };
}

export interface AppHandlerOptions {
  /** dist/renderer. */
  root: string;
  /** The CSP put on HTML responses; read per request because the bridge URL arrives after startup. */
  contentSecurityPolicy: () => string;
  /** Injected in tests; in Electron, fs reads asar archives transparently. */
  read?: (file: string) => Promise<Uint8Array<ArrayBuffer>>;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The protocol.handle handler for app://. */
export function createAppRequestHandler(options: AppHandlerOptions): (request: Request) => Promise<Response> {
  // readFile's Buffer owns a plain ArrayBuffer (never a SharedArrayBuffer), which is what Response takes.
  const read = options.read ?? (async (file: string) => (await readFile(file)) as Uint8Array<ArrayBuffer>);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
    const resolved = resolveAppRequest(options.root, request.url);
    if ('status' in resolved) return textResponse(resolved.status, resolved.reason);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await read(resolved.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return textResponse(404, 'not found');
      console.error(`[electron] app:// could not read ${resolved.file}:`, error);
      return textResponse(500, 'read error');
    }
    const type = mimeTypeFor(resolved.file);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = options.contentSecurityPolicy();
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
