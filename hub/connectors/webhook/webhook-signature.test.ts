import { describe, expect, it } from 'vitest';
import { SeenDeliveries, signWebhook, signatureMatches } from './webhook-signature.js';

describe('webhook signature', () => {
  it('matches only the same secret, timestamp, delivery id and body', () => {
    const sig = signWebhook('s3cret', '1764582000', 'd-1', '{"a":1}');
    const body = Buffer.from('{"a":1}');
    expect(signatureMatches('s3cret', '1764582000', 'd-1', body, sig)).toBe(true);
    expect(signatureMatches('other', '1764582000', 'd-1', body, sig)).toBe(false);
    expect(signatureMatches('s3cret', '1764582001', 'd-1', body, sig)).toBe(false);
    expect(signatureMatches('s3cret', '1764582000', 'd-2', body, sig)).toBe(false);
    expect(signatureMatches('s3cret', '1764582000', 'd-1', Buffer.from('{"a":2}'), sig)).toBe(false);
    expect(signatureMatches('s3cret', '1764582000', 'd-1', body, sig.slice(0, -1))).toBe(false);
  });
});

describe('seen deliveries', () => {
  it('refuses an id seen within the window and forgets it after', () => {
    const seen = new SeenDeliveries(1000);
    expect(seen.add('a', 0)).toBe(true);
    expect(seen.add('a', 900)).toBe(false);
    expect(seen.add('b', 1500)).toBe(true);
    expect(seen.add('a', 1500)).toBe(true);
  });

  it('holds at most its bound, forgetting the oldest', () => {
    const seen = new SeenDeliveries(60_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) expect(seen.add(id, 10)).toBe(true);
    expect(seen.add('d', 11)).toBe(false);
    expect(seen.add('a', 11)).toBe(true);
  });
});
