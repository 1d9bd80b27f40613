// The hub's door (socket.io middleware, `io.use`): a connection is accepted only from a known, non-revoked device
// that proves itself with its credential (`auth: { device, secret }`), and — when it comes from a browser — only
// from an Origin the hub was configured to allow: WebSocket has no same-origin rule, so without this any web page
// open on the centre's LAN could talk to the hub. A Node client (a host) sends no Origin. A refusal is a
// `connect_error` whose message says why, and a (rate-limited) audit row.
import type { Socket } from 'socket.io';
import { DeviceCredential } from '../../src/contract/people.js';
import type { Logger } from '../../platform/logger.js';
import type { DeviceStore } from '../identity/device-store.js';
import { setConnectionIdentity } from './connection-identity.js';
import type { HandshakeAudit } from './handshake-audit.js';

export interface HandshakeDeps {
  devices: DeviceStore;
  /** Origins (scheme://host:port) a browser may connect from; none by default. */
  allowedOrigins: readonly string[];
  audit: HandshakeAudit;
  logger: Logger;
  /** Counts a refusal for the hub's status. */
  onRefused(): void;
}

type Next = (err?: Error) => void;

/** Origins as URL serialises them, so `HTTP://Console.Local:80/` and `http://console.local` are one. */
function normaliseOrigins(origins: readonly string[]): string[] {
  return origins.map((o) => new URL(o).origin);
}

export function deviceHandshake(deps: HandshakeDeps): (socket: Socket, next: Next) => void {
  const allowed = new Set(normaliseOrigins(deps.allowedOrigins));
  return (socket, next) => {
    const peer = socket.handshake.address;
    const claimed = DeviceCredential.safeParse(socket.handshake.auth);
    const refuse = (reason: string): void => {
      deps.onRefused();
      deps.logger.warn('connection refused at the handshake', { peer, reason });
      try {
        deps.audit.refused({ peer, device: claimed.success ? claimed.data.device : null, reason });
      } catch (err) {
        deps.logger.error('a refused handshake could not be audited', { error: String(err) });
      }
      next(new Error(reason));
    };
    const origin = socket.handshake.headers.origin;
    if (origin !== undefined && !allowed.has(origin)) {
      return refuse(`origin ${origin.slice(0, 200)} is not allowed (the hub allows browsers only from --allow-origin)`);
    }
    if (!claimed.success) return refuse('no device credential (auth: { device, secret })');
    const verdict = deps.devices.authenticate(claimed.data);
    if (!verdict.ok) {
      return refuse(verdict.reason === 'revoked' ? 'device revoked' : 'unknown device or wrong secret');
    }
    setConnectionIdentity(socket, { principal: verdict.principal, peer });
    next();
  };
}
