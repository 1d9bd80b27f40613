// The bridge: socket.io on the host's loopback HTTP server. Only pages of ours get in — the Origin must be the
// host's own or the Electron app's, and one of the per-launch tokens must match — and every call is validated
// against the contract before a handler sees it. The token says what a page may do: a wall window's is read-only
// (a wall PC is in the room, unattended), the console's may log a person in and act.
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
import type { HostStatus } from '../../src/contract/host-status.js';
import type { Logger } from '../../platform/logger.js';
import { type BridgeAccess, type BridgeHandlers, type CallContext, LoginRequired } from './bridge-handlers.js';
import { sameSecret } from './http/request-guard.js';

const ELECTRON_ORIGIN = 'app://ioc-wall';

/** Calls that act or reveal who did what: never from a wall window's token. */
const ACTING_CALLS: ReadonlySet<BridgeCallName> = new Set([
  'command',
  'login',
  'logout',
  'audit',
  'deadLetters',
  'timeCursor',
  'briefingPack',
  'pointer',
]);

export interface BridgeOptions {
  /** The per-launch tokens: the console's (may act) and the wall windows' (read-only). */
  tokens: { console: string; wall: string };
  logger: Logger;
  /** Origins of the room address (`--room-address`), known once it listens. */
  roomOrigins?: () => readonly string[];
  /** A page went away (its person's session is kept for a reload a while). */
  onDisconnect?: (clientId: string) => void;
}

/**
 * Events can be sent from construction on (to no one yet); calls are answered once `serve` has put the bridge on
 * the host's HTTP server.
 */
export class BridgeServer {
  private readonly io: Server;
  private http: HttpServer | null = null;
  private rejected = 0;

  constructor(private readonly options: BridgeOptions) {
    const { logger } = options;
    this.io = new Server({
      transports: ['websocket'],
      serveClient: false,
      maxHttpBufferSize: 256_000,
      allowRequest: (req, callback) => {
        const origin = req.headers.origin ?? '';
        const ok = this.origins().includes(origin);
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
      const access: BridgeAccess | null = sameSecret(token, options.tokens.console)
        ? 'console'
        : sameSecret(token, options.tokens.wall)
          ? 'wall'
          : null;
      if (!access) {
        this.rejected++;
        logger.warn('bridge refused a connection with a wrong token', { client: socket.id });
        next(new Error('invalid token'));
        return;
      }
      (socket.data as SocketData).access = access;
      next();
    });
  }

  /** Answers pages' calls with `handlers`, on `http` (the host's loopback server). */
  serve(http: HttpServer, handlers: BridgeHandlers): void {
    const { logger } = this.options;
    this.http = http;
    this.io.attach(http);
    this.io.on('connection', (socket) => {
      const { access } = socket.data as SocketData;
      socket.on(BRIDGE_SOCKET.call, (frame: unknown, ack?: unknown) => {
        if (typeof ack !== 'function') {
          logger.warn('bridge call without acknowledgement refused', { client: socket.id });
          return;
        }
        void this.dispatch(handlers, frame, { clientId: socket.id, access }).then((result) => ack(result));
      });
      socket.on('disconnect', () => this.options.onDisconnect?.(socket.id));
      socket.onAny((event: string) => {
        if (event !== BRIDGE_SOCKET.call)
          logger.warn('unknown bridge message refused', { event: String(event).slice(0, 64) });
      });
    });
  }

  /** The address pages are served from, once the server listens ('' before). */
  get origin(): string {
    return this.origins()[0] ?? '';
  }

  /** Pages open now. */
  get clients(): number {
    return this.http ? this.io.engine.clientsCount : 0;
  }

  status(): HostStatus['bridge'] {
    return { url: this.origin, clients: this.clients, rejected: this.rejected };
  }

  emit<K extends BridgeEventName>(name: K, payload: BridgeEvent<K>): void {
    // The host validates what it sends too: a bug here must not reach every wall window.
    BRIDGE_EVENTS[name].parse(payload);
    this.io.emit(name, payload);
  }

  /** Sends an event to one page only (its person's session changed). */
  emitTo<K extends BridgeEventName>(clientId: string, name: K, payload: BridgeEvent<K>): void {
    BRIDGE_EVENTS[name].parse(payload);
    this.io.to(clientId).emit(name, payload);
  }

  close(): Promise<void> {
    // Not yet served: nothing is attached to close (socket.io's close expects its engine).
    return this.http ? this.io.close() : Promise.resolve();
  }

  /** Who may connect: the host's own pages (by either loopback name) and the Electron app's. */
  private origins(): string[] {
    const address = this.http?.address();
    if (!address || typeof address !== 'object') return [];
    return [
      `http://127.0.0.1:${address.port}`,
      `http://localhost:${address.port}`,
      ELECTRON_ORIGIN,
      ...(this.options.roomOrigins?.() ?? []),
    ];
  }

  private async dispatch(handlers: BridgeHandlers, raw: unknown, ctx: CallContext): Promise<CallResult<unknown>> {
    const frame = CallFrame.safeParse(raw);
    if (!frame.success) {
      const name = typeof raw === 'object' && raw !== null && 'name' in raw ? String(raw.name).slice(0, 64) : '';
      const code = name && !(name in BRIDGE_CALLS) ? 'unknown-call' : 'bad-request';
      this.options.logger.warn('bridge call refused', { code, name });
      return { ok: false, error: { code, message: `malformed call: ${z.prettifyError(frame.error)}` } };
    }
    const name: BridgeCallName = frame.data.name;
    if (ctx.access === 'wall' && ACTING_CALLS.has(name)) {
      this.rejected++;
      this.options.logger.warn('bridge refused an action from a wall window (read-only token)', {
        name,
        client: ctx.clientId,
      });
      return { ok: false, error: { code: 'forbidden', message: `"${name}" is not allowed from a wall window` } };
    }
    const spec = BRIDGE_CALLS[name];
    const args = spec.request.safeParse(frame.data.args ?? {});
    if (!args.success) {
      this.options.logger.warn('bridge call with bad arguments refused', { name });
      return { ok: false, error: { code: 'bad-request', message: `${name}: ${z.prettifyError(args.error)}` } };
    }
    try {
      const handler = handlers[name] as (req: unknown, ctx: CallContext) => unknown;
      const result = await handler(args.data, ctx);
      return { ok: true, result: spec.response.parse(result) };
    } catch (err) {
      if (err instanceof LoginRequired) {
        this.options.logger.warn('bridge refused an action: nobody is logged in on that page', { name });
        return { ok: false, error: { code: 'login-required', message: err.message } };
      }
      this.options.logger.error('bridge call failed', { name, error: String(err) });
      return { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
    }
  }
}

interface SocketData {
  access: BridgeAccess;
}
