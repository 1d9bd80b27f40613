// How fast one connection may send. Each kind of message has its own bucket; a message over its limit is refused
// with the time after which it may be sent again, and a connection that keeps sending over the limit (it ignores
// that answer) uses up its strikes and is to be disconnected.
import { type Rate, TokenBucket } from './token-bucket.js';

export type MessageKind = 'command' | 'subscribe' | 'login' | 'session' | 'other';

export interface RateLimits {
  perKind: Record<MessageKind, Rate>;
  /** Messages refused for rate a connection may send before it is disconnected. */
  strikes: Rate;
}

export const RATE_LIMITS: RateLimits = {
  perKind: {
    // An operator clicks a few times a second; an outbox drained after an outage sends one command per answer and
    // waits the `retryAfterMs` it is given, so it never loses one to this limit.
    command: { perSecond: 50, burst: 100 },
    // A host subscribes once per connection, again when it finds itself ahead of the hub.
    subscribe: { perSecond: 5, burst: 10 },
    // Each login costs the hub an argon2 hash (64 MiB, a few hundred ms): a person types a password a few times
    // a shift; a console with several windows may log in a few at once. Per name, lockout bounds guessing.
    login: { perSecond: 1, burst: 5 },
    // Refresh, logout and audit queries: a few per window per five minutes.
    session: { perSecond: 5, burst: 20 },
    // Unknown events: refused anyway, but each costs an answer.
    other: { perSecond: 5, burst: 20 },
  },
  strikes: { perSecond: 10, burst: 200 },
};

export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number; flooding: boolean };

export class ConnectionRate {
  private readonly buckets: Record<MessageKind, TokenBucket>;
  private readonly strikes: TokenBucket;

  constructor(limits: RateLimits, now: number) {
    this.buckets = {
      command: new TokenBucket(limits.perKind.command, now),
      subscribe: new TokenBucket(limits.perKind.subscribe, now),
      login: new TokenBucket(limits.perKind.login, now),
      session: new TokenBucket(limits.perKind.session, now),
      other: new TokenBucket(limits.perKind.other, now),
    };
    this.strikes = new TokenBucket(limits.strikes, now);
  }

  admit(kind: MessageKind, now: number): RateVerdict {
    const bucket = this.buckets[kind];
    if (bucket.take(now)) return { ok: true };
    return { ok: false, retryAfterMs: bucket.waitMs(now), flooding: !this.strikes.take(now) };
  }
}
