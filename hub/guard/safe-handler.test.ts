import { describe, expect, it } from 'vitest';
import type { Logger } from '../../platform/logger.js';
import { Refusals } from './refusals.js';
import { safeHandler } from './safe-handler.js';

function setup() {
  const errors: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (msg) => errors.push(msg),
  };
  const refusals = new Refusals();
  const answers: unknown[] = [];
  const ack = (a: unknown): void => void answers.push(a);
  return { errors, refusals, answers, ack, deps: { logger, refusals } };
}

describe('safe handler', () => {
  it('turns a throw into an ok:false answer with the reason, logged and counted', () => {
    const { errors, refusals, answers, ack, deps } = setup();
    const handler = safeHandler('command', deps, () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(() => handler({}, ack)).not.toThrow();
    expect(answers).toEqual([
      { ok: false, error: 'the hub could not handle this command: Maximum call stack size exceeded' },
    ]);
    expect(errors).toEqual(['command handler failed']);
    expect(refusals.snapshot()).toEqual({ 'handler-error': 1 });
    expect(() => handler({}, 'not a function')).not.toThrow();
  });

  it('answers a rejected promise the same way, so no rejection goes unhandled', async () => {
    const { answers, ack, deps } = setup();
    const handler = safeHandler('subscribe', deps, () => Promise.reject(new Error('disk full')));
    handler({}, ack);
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toEqual([{ ok: false, error: 'the hub could not handle this subscribe: disk full' }]);
  });

  it('passes the message and the ack through to a handler that does not fail', () => {
    const { answers, ack, deps } = setup();
    safeHandler('command', deps, (raw, a) => (a as (x: unknown) => void)({ ok: true, raw }))({ n: 1 }, ack);
    expect(answers).toEqual([{ ok: true, raw: { n: 1 } }]);
  });
});
