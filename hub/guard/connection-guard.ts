// Every message of one connection passes here before a handler sees it (socket.io middleware, `socket.use`): its
// rate first (the cheapest check), then its event name, its number of arguments and the shape of its input. A
// refused message is answered `ok: false` with the reason — through its ack when it has one, as a protocol-error
// otherwise — counted, and goes no further. A frame socket.io cannot decode (garbage, a stray binary frame) leaves
// its parser mid-packet, so socket.io ends that connection; the client is told why first.
import type { Socket } from 'socket.io';
import { HUB_EVENTS } from '../../src/contract/hub-protocol.js';
import type { Logger } from '../../platform/logger.js';
import { ConnectionRate, type MessageKind, RATE_LIMITS } from './connection-rate.js';
import { inputShapeProblem } from './input-shape.js';
import type { Refusals, RefusalKind } from './refusals.js';

/** The events a client may send, each with one JSON argument and an optional ack. Anything else is refused. */
const CLIENT_EVENTS: ReadonlyMap<string, MessageKind> = new Map([
  [HUB_EVENTS.command, 'command'],
  [HUB_EVENTS.subscribe, 'subscribe'],
  [HUB_EVENTS.login, 'login'],
  [HUB_EVENTS.refresh, 'session'],
  [HUB_EVENTS.logout, 'session'],
  [HUB_EVENTS.audit, 'session'],
  [HUB_EVENTS.deadLetters, 'session'],
]);

/** Longest error text sent back: a schema's complaint about 10,000 bad items is not worth a megabyte. */
const MAX_ERROR_LENGTH = 2000;

type Ack = (answer: unknown) => void;

export interface ConnectionGuardOptions {
  logger: Logger;
  refusals: Refusals;
}

export function guardConnection(socket: Socket, options: ConnectionGuardOptions): void {
  const { logger, refusals } = options;
  const rate = new ConnectionRate(RATE_LIMITS, Date.now());
  const client = socket.id;
  let rateLogged = false;

  const refuse = (kind: RefusalKind, ack: Ack | undefined, error: string, retryAfterMs?: number): void => {
    refusals.note(kind);
    if (ack) ack(retryAfterMs === undefined ? { ok: false, error } : { ok: false, error, retryAfterMs });
    else socket.emit(HUB_EVENTS.protocolError, { error });
  };

  socket.use((packet, next) => {
    if (!socket.connected) return;
    const [name, ...rest] = packet as unknown[];
    const last = rest[rest.length - 1];
    const ack = typeof last === 'function' ? (last as Ack) : undefined;
    const args = ack ? rest.slice(0, -1) : rest;
    const event = String(name).slice(0, 64);
    const kind = CLIENT_EVENTS.get(event) ?? 'other';

    const verdict = rate.admit(kind, Date.now());
    if (!verdict.ok) {
      if (verdict.flooding) {
        refusals.note('flood');
        logger.warn('connection keeps sending over its rate limit: disconnected', { client });
        socket.emit(HUB_EVENTS.protocolError, { error: 'disconnected: too many messages over the rate limit' });
        socket.disconnect(true);
        return;
      }
      if (!rateLogged) logger.warn('rate limited', { client, event });
      rateLogged = true;
      return refuse('rate', ack, `rate limited: send again in ${verdict.retryAfterMs} ms`, verdict.retryAfterMs);
    }
    if (kind === 'other') {
      logger.warn('unknown message refused', { client, event });
      return refuse('unknown-event', ack, `unknown message "${event}"`);
    }
    if (args.length !== 1) return refuse('arguments', ack, `${event} takes one argument, not ${args.length}`);
    const problem = inputShapeProblem(args[0]);
    if (problem) {
      logger.warn(`${event} refused`, { client, problem });
      return refuse('shape', ack, `bad ${event}: ${problem}`);
    }
    if (ack) packet[packet.length - 1] = boundedAck(ack);
    next();
  });

  // Raised by socket.io when a frame cannot be decoded; it closes the connection right after.
  socket.on('error', (err) => {
    refusals.note('malformed-frame');
    logger.warn('undecodable frame: connection closed', { client, error: err.message });
    socket.emit(HUB_EVENTS.protocolError, { error: `undecodable frame, connection closed: ${err.message}` });
  });

  // A frame over the size limit is refused by the websocket itself (close code 1009, "message too big").
  socket.conn.on('close', (reason: string, description?: unknown) => {
    if (reason !== 'transport error') return;
    refusals.note('transport');
    logger.warn('connection closed on a transport error', {
      client,
      error: description instanceof Error ? description.message : reason,
    });
  });
}

function boundedAck(ack: Ack): Ack {
  return (answer) => {
    const error = typeof answer === 'object' && answer !== null ? (answer as { error?: unknown }).error : undefined;
    if (typeof error === 'string' && error.length > MAX_ERROR_LENGTH) {
      ack({ ...(answer as object), error: `${error.slice(0, MAX_ERROR_LENGTH)}…` });
    } else ack(answer);
  };
}
