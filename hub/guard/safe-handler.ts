// No exception in a message handler escapes. socket.io calls handlers from process.nextTick, where a throw is an
// uncaught exception that ends the process — and an embedded hub's host with it. A handler that throws, or returns
// a promise that rejects, answers `ok: false` with the reason and is logged; the hub keeps serving.
import type { Logger } from '../../platform/logger.js';
import type { Refusals } from './refusals.js';

export type MessageHandler = (raw: unknown, ack?: unknown) => unknown;

export interface SafeHandlerDeps {
  logger: Logger;
  refusals: Refusals;
}

export function safeHandler(event: string, deps: SafeHandlerDeps, handler: MessageHandler): MessageHandler {
  return (raw, ack) => {
    const fail = (err: unknown): void => {
      deps.refusals.note('handler-error');
      const reason = (err instanceof Error ? err.message : `${typeof err} thrown`).slice(0, 200);
      deps.logger.error(`${event} handler failed`, { error: err instanceof Error ? (err.stack ?? reason) : reason });
      // An ack answers once: if the handler already answered, this one is dropped.
      if (typeof ack === 'function') ack({ ok: false, error: `the hub could not handle this ${event}: ${reason}` });
    };
    try {
      const result = handler(raw, ack);
      if (result instanceof Promise) result.catch(fail);
    } catch (err) {
      fail(err);
    }
  };
}
