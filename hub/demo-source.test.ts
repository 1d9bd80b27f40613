import { describe, expect, it } from 'vitest';
import { Envelope, KNOWN_TOPICS } from '../src/contract/hub-protocol.js';
import { PROVINCES } from '../src/domain/provinces.js';
import { DemoSource } from './demo-source.js';

function run(seed: number, ticks: number) {
  let now = Date.UTC(2026, 10, 27, 1, 0, 0);
  const src = new DemoSource({ seed, clock: () => now });
  const events = src.initial();
  for (let i = 0; i < ticks; i++) {
    now += 250;
    events.push(...src.tick());
  }
  return events;
}

describe('demo source', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(run(7, 400)).toEqual(run(7, 400));
    expect(run(8, 400)).not.toEqual(run(7, 400));
  });

  it('produces only valid events, on every known topic', () => {
    const events = run(2025, 2000);
    events.forEach((e, i) => {
      const parsed = Envelope.safeParse({ ...e, offset: i + 1 });
      expect(parsed.success, JSON.stringify(e)).toBe(true);
    });
    expect(new Set(events.map((e) => e.topic))).toEqual(new Set(KNOWN_TOPICS));
  });

  it('starts with every indicator of each of the 34 provinces', () => {
    const initial = run(1, 0).filter((e) => e.topic === 'econ.indicators');
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(initial.map((e) => e.key)).size).toBe(34 * 5);
  });

  it('live counters only grow', () => {
    const counters = run(3, 500).filter((e) => e.topic === 'econ.live');
    const last = new Map<string, number>();
    for (const e of counters) {
      const v = (e.payload as { value: number }).value;
      expect(v).toBeGreaterThanOrEqual(last.get(e.key) ?? 0);
      last.set(e.key, v);
    }
  });
});
