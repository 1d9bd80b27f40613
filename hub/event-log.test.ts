import { describe, expect, it } from 'vitest';
import { EventLog, type NewEvent } from './event-log.js';

const live = (i: number, key: string): NewEvent => ({
  topic: 'econ.live',
  key,
  source: 't',
  time: 1_000 * i,
  payload: { metric: key, value: i, sourceSystem: 's' },
});
const KEYS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'];

function filled(n: number): EventLog {
  const log = new EventLog(null);
  log.append(Array.from({ length: n }, (_, i) => live(i + 1, KEYS[i % 3]!)));
  return log;
}

describe('event log', () => {
  it('numbers events of a topic 1, 2, 3, … and reads them back in order', () => {
    const log = filled(10);
    expect(log.head('econ.live')).toBe(10);
    expect(log.read('econ.live', 4, 3).map((e) => e.offset)).toEqual([5, 6, 7]);
    expect(log.head('gov.tasks')).toBe(0);
  });

  it('keeps the latest event of every key as the snapshot', () => {
    const log = filled(10);
    expect(log.snapshot('econ.live').map((e) => [e.key, e.offset])).toEqual(
      [
        ['new_businesses_today', 10],
        ['public_services_today', 8],
        ['documents_processed_today', 9],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    expect(log.latestOf('econ.live', 'public_services_today')?.offset).toBe(8);
  });

  it('prunes by count and age but never the latest of a key, and raises the floor', () => {
    const log = filled(100);
    expect(log.prune('econ.live', { maxAgeMs: 1e12, maxEvents: 30 }, 200_000)).toBe(70);
    expect(log.floor('econ.live')).toBe(71);
    expect(log.read('econ.live', 0, 1000).map((e) => e.offset)[0]).toBe(71);
    // Events at 90 s and later are younger than 10 s at t = 100 s.
    expect(log.prune('econ.live', { maxAgeMs: 10_000, maxEvents: 1000 }, 100_000)).toBe(19);
    expect(log.floor('econ.live')).toBe(90);
    expect(log.snapshot('econ.live')).toHaveLength(3);
    // Nothing is pruned twice, and a head that stays keeps its latest events.
    expect(log.prune('econ.live', { maxAgeMs: 0, maxEvents: 1 }, 1e9)).toBe(8);
    expect(log.read('econ.live', 0, 1000).map((e) => e.offset)).toEqual([98, 99, 100]);
    expect(log.head('econ.live')).toBe(100);
  });
});
