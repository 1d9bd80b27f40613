import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Envelope, SubscribeRequest } from './hub-protocol.js';

const good = {
  topic: 'econ.indicators',
  offset: 12,
  time: 1_764_000_000_000,
  source: 'demo',
  key: '01:cpi',
  payload: {
    province: '01',
    indicator: 'cpi',
    value: 3.21,
    period: '2026-10',
    status: 'official',
    sourceSystem: 'Cục Thống kê (NSO)',
  },
};

describe('hub envelope', () => {
  it('accepts a well-formed event', () => {
    expect(Envelope.safeParse(good).success).toBe(true);
  });

  it.each([
    ['unknown topic', { ...good, topic: 'econ.secret' }],
    ['offset 0', { ...good, offset: 0 }],
    ['fractional offset', { ...good, offset: 1.5 }],
    ['missing key', { ...good, key: undefined }],
    ['province of the 63 old codes', { ...good, payload: { ...good.payload, province: '30' } }],
    ['non-finite value', { ...good, payload: { ...good.payload, value: Number.POSITIVE_INFINITY } }],
    ['bad period', { ...good, payload: { ...good.payload, period: '10/2026' } }],
    ['payload of another topic', { ...good, topic: 'ops.alerts' }],
  ])('rejects %s', (_name, bad) => {
    const r = Envelope.safeParse(bad);
    expect(r.success).toBe(false);
  });

  it('names the bad payload field', () => {
    const r = Envelope.safeParse({ ...good, payload: { ...good.payload, value: 'lots' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.path.join('.') === 'payload.value')).toBe(true);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(typeof Envelope.safeParse(x).success).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('subscribe request', () => {
  it('accepts offsets per known topic and rejects negative or unknown ones', () => {
    expect(SubscribeRequest.safeParse({ topics: { 'econ.live': 0, 'gov.tasks': 42 } }).success).toBe(true);
    expect(SubscribeRequest.safeParse({ topics: { 'econ.live': -1 } }).success).toBe(false);
    expect(SubscribeRequest.safeParse({ topics: { 'x.y': 1 } }).success).toBe(false);
    expect(SubscribeRequest.safeParse('subscribe me').success).toBe(false);
  });
});
