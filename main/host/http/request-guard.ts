// Who may ask the host's loopback server for what. Loopback alone is not a boundary: a web page open in any
// browser on this machine can make requests to 127.0.0.1, and a DNS-rebinding page can make them under its own
// name. So the Host header must name this server, and anything beyond health needs the per-launch token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The Host header names this server: 127.0.0.1 or localhost on its own port, or the room address it also serves
 * (`host:port` as a browser writes it), nothing else.
 */
export function hostHeaderAllowed(req: IncomingMessage, port: number, alsoHosts: readonly string[] = []): boolean {
  const host = req.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || alsoHosts.includes(host);
}

/** The request carries the token as `Authorization: Bearer …` or `?token=` (what the printed URLs hold). */
export function carriesToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const bearer = header.startsWith('Bearer ') ? header.slice(7) : null;
  const query = new URL(req.url ?? '/', 'http://host').searchParams.get('token');
  return [bearer, query].some((given) => given !== null && sameSecret(given, token));
}

/** Compares two secrets in constant time (the bridge's tokens, the HTTP token). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
