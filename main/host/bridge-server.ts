// The bridge: socket.io on the host's loopback HTTP server. Only pages of ours get in — the Origin must be the
// host's own or the Electron app's, and the per-launch token must match — and every call is validated against
// the contract before a handler sees it.
import { timingSafeEqual } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import {
  BRIDGE_CALLS,
  BRIDGE_EVENTS,
  BRIDGE_SOCKET,
  type BridgeCallName,
  type BridgeEvent,
  type BridgeEventName,
  CallFrame,
  type CallResult,
} from '../../src/contract/bridge.js';
import type { Logger } from '../../platform/logger.js';
import type { BridgeHandlers } from './bridge-handlers.js';

export const ELECTRON_ORIGIN = 'app://ioc-wall';

export interface BridgeOptions {
  http: HttpServer;
  token: string;
  /** Origins allowed to connect (the host's own http origin(s) and the Electron app's). */
  origins: () => readonly string[];
  handlers: BridgeHandlers;
  logger: Logger;
}

export class BridgeServer {
  private readonly io: Server;
  rejected = 0;

  constructor(private readonly options: BridgeOptions) {
    const { logger } = options;
    this.io = new Server(options.http, {
      transports: ['websocket'],
      serveClient: false,
      maxHttpBufferSize: 256_000,
      allowRequest: (req, callback) => {
        const origin = req.headers.origin ?? '';
        const ok = options.origins().includes(origin);
        if (!ok) {
          this.rejected++;
          logger.warn('bridge refused a connection from a foreign origin', { origin: origin || '(none)' });
        }
        callback(ok ? null : 'origin not allowed', ok);
      },
    });
    this.io.use((socket, next) => {
      const auth: unknown = socket.handshake.auth;
      const token = typeof auth === 'object' && auth !== null && 'token' in auth ? String(auth.token) : '';
      if (!sameSecret(token, options.token)) {
        this.rejected++;
        logger.warn('bridge refused a connection with a wrong token', { client: socket.id });
        next(new Error('invalid token'));
        return;
      }
      next();
    });
    this.io.on('connection', (socket) => {
      socket.on(BRIDGE_SOCKET.call, (frame: unknown, ack?: unknown) => {
        if (typeof ack !== 'function') {
          logger.warn('bridge call without acknowledgement refused', { client: socket.id });
          return;
        }
        void this.dispatch(frame, socket.id).then((result) => ack(result));
      });
      socket.onAny((event: string) => {
        if (event !== BRIDGE_SOCKET.call)
          logger.warn('unknown bridge message refused', { event: String(event).slice(0, 64) });
      });
    });
  }

  get clients(): number {
    return this.io.engine.clientsCount;
  }

  emit<K extends BridgeEventName>(name: K, payload: BridgeEvent<K>): void {
    // The host validates what it sends too: a bug here must not reach every wall window.
    BRIDGE_EVENTS[name].parse(payload);
    this.io.emit(name, payload);
  }

  close(): Promise<void> {
    return this.io.close();
  }

  private async dispatch(raw: unknown, clientId: string): Promise<CallResult<unknown>> {
    const frame = CallFrame.safeParse(raw);
    if (!frame.success) {
      const name = typeof raw === 'object' && raw !== null && 'name' in raw ? String(raw.name).slice(0, 64) : '';
      const code = name && !(name in BRIDGE_CALLS) ? 'unknown-call' : 'bad-request';
      this.options.logger.warn('bridge call refused', { code, name });
      return { ok: false, error: { code, message: `malformed call: ${z.prettifyError(frame.error)}` } };
    }
    const name: BridgeCallName = frame.data.name;
    const spec = BRIDGE_CALLS[name];
    const args = spec.request.safeParse(frame.data.args ?? {});
    if (!args.success) {
      this.options.logger.warn('bridge call with bad arguments refused', { name });
      return { ok: false, error: { code: 'bad-request', message: `${name}: ${z.prettifyError(args.error)}` } };
    }
    try {
      const handler = this.options.handlers[name] as (req: unknown, ctx: { clientId: string }) => unknown;
      const result = await handler(args.data, { clientId });
      return { ok: true, result: spec.response.parse(result) };
    } catch (err) {
      this.options.logger.error('bridge call failed', { name, error: String(err) });
      return { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
    }
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
