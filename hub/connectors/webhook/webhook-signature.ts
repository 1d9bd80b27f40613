// How a webhook sender proves who it is and that the request is fresh: an HMAC-SHA256, with the source's shared
// secret, over `<timestamp>.<delivery id>.<body>`, sent as `X-IOC-Signature: sha256=<hex>`. The timestamp (Unix
// seconds) must be within the window of our clock and the delivery id new within it, so a captured request cannot
// be sent again; both are signed, so neither can be changed to slip past.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-ioc-signature';
export const TIMESTAMP_HEADER = 'x-ioc-timestamp';
export const DELIVERY_HEADER = 'x-ioc-delivery';

export function signWebhook(secret: string, timestamp: string, delivery: string, body: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.${delivery}.`);
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

/** Constant-time check of `signature` (the header's value) against the one `secret` gives. */
export function signatureMatches(
  secret: string,
  timestamp: string,
  delivery: string,
  body: Buffer,
  signature: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, delivery, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Delivery ids seen within the window, oldest first; bounded, so a flood of signed requests cannot grow it without
 * limit (past the bound the oldest are forgotten, and their timestamps are about to leave the window anyway).
 */
export class SeenDeliveries {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly max = 100_000,
  ) {}

  /** Records `id` seen at `at`; false when it was already seen within the window (a replay). */
  add(id: string, at: number): boolean {
    for (const [old, when] of this.seen) {
      if (when >= at - this.windowMs && this.seen.size < this.max) break;
      this.seen.delete(old);
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, at);
    return true;
  }
}
