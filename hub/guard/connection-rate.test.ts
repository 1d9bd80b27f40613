import { describe, expect, it } from 'vitest';
import { ConnectionRate } from './connection-rate.js';

const limits = {
  perKind: {
    command: { perSecond: 10, burst: 2 },
    subscribe: { perSecond: 1, burst: 1 },
    login: { perSecond: 1, burst: 1 },
    session: { perSecond: 1, burst: 1 },
    other: { perSecond: 1, burst: 1 },
  },
  strikes: { perSecond: 1, burst: 3 },
};

describe('connection rate', () => {
  it('limits each kind of message on its own and says when to send again', () => {
    const rate = new ConnectionRate(limits, 0);
    expect(rate.admit('command', 0)).toEqual({ ok: true });
    expect(rate.admit('command', 0)).toEqual({ ok: true });
    expect(rate.admit('command', 0)).toEqual({ ok: false, retryAfterMs: 100, flooding: false });
    expect(rate.admit('subscribe', 0)).toEqual({ ok: true });
    expect(rate.admit('command', 100)).toEqual({ ok: true });
  });

  it('calls a connection flooding once it has used its strikes, and forgives one that slows down', () => {
    const rate = new ConnectionRate(limits, 0);
    rate.admit('other', 0);
    const verdicts = Array.from({ length: 4 }, () => rate.admit('other', 0));
    expect(verdicts.map((v) => !v.ok && v.flooding)).toEqual([false, false, false, true]);
    expect(rate.admit('other', 10_000)).toEqual({ ok: true });
    expect(rate.admit('other', 10_000)).toMatchObject({ ok: false, flooding: false });
  });
});
