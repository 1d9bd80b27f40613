// The hub's defences against what clients send, in one place for the hub server: the socket server's limits, the
// per-connection guard, handlers that cannot throw, and the count of what was refused.
import type { ServerOptions, Socket } from 'socket.io';
import type { Logger } from '../../platform/logger.js';
import { guardConnection } from './connection-guard.js';
import { Refusals, type RefusalKind } from './refusals.js';
import { type MessageHandler, safeHandler } from './safe-handler.js';
import { SERVER_LIMITS } from './server-limits.js';

export interface HubGuard {
  readonly serverOptions: Partial<ServerOptions>;
  /** Call first for each new connection: its messages are then checked before any handler runs. */
  connection(socket: Socket): void;
  /** Registers a message handler; an exception in it becomes an `ok: false` answer, never an uncaught one. */
  on(socket: Socket, event: string, handler: MessageHandler): void;
  /** Counts a refusal made elsewhere (a connection refused at the handshake). */
  note(kind: RefusalKind): void;
  refused(): Partial<Record<RefusalKind, number>>;
}

export function createHubGuard(logger: Logger): HubGuard {
  const refusals = new Refusals();
  return {
    serverOptions: SERVER_LIMITS,
    connection: (socket) => guardConnection(socket, { logger, refusals }),
    on: (socket, event, handler) => socket.on(event, safeHandler(event, { logger, refusals }, handler)),
    note: (kind) => refusals.note(kind),
    refused: () => refusals.snapshot(),
  };
}
