import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../src/contract/hub-protocol.js';
import type { TimeCursorChange } from '../../../src/contract/time-cursor.js';
import { TimeCursor } from './time-cursor.js';

const NOW = 1_000_000;

describe('the wall’s time cursor', () => {
  let told: { change: TimeCursorChange; events: Envelope[] }[];
  let between: ReturnType<typeof vi.fn<(from: number, to: number) => Envelope[] | null>>;
  let cursor: TimeCursor;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    told = [];
    between = vi.fn<(from: number, to: number) => Envelope[] | null>(() => []);
    cursor = new TimeCursor({
      between,
      heldFrom: () => 100_000,
      tell: (change, events) => told.push({ change, events }),
    });
  });
  afterEach(() => {
    cursor.close();
    vi.useRealTimers();
  });

  it('jumps to T and back to live, telling pages to repaint each time', () => {
    expect(cursor.set({ asOf: 500_000, replaySpeed: null })).toEqual({
      asOf: 500_000,
      replaySpeed: null,
      heldFrom: 100_000,
    });
    expect(cursor.live).toBe(false);
    cursor.set({ asOf: null, replaySpeed: null });
    expect(cursor.live).toBe(true);
    expect(told.map((t) => [t.change.state.asOf, t.change.jump])).toEqual([
      [500_000, true],
      [null, true],
    ]);
  });

  it('refuses a time in the future and stays as it was', () => {
    expect(() => cursor.set({ asOf: NOW + 1, replaySpeed: null })).toThrow(/tương lai/);
    expect(cursor.live).toBe(true);
    expect(told).toEqual([]);
  });

  it('replays at ×N with the events passed over, a crowded tick as a jump, and goes live at the present', () => {
    cursor.set({ asOf: 900_000, replaySpeed: 30 });
    vi.advanceTimersByTime(1000);
    expect(between).toHaveBeenLastCalledWith(900_000, 930_000);
    expect(told.at(-1)?.change).toEqual({ state: { asOf: 930_000, replaySpeed: 30, heldFrom: 100_000 }, jump: false });
    between.mockReturnValueOnce(null);
    vi.advanceTimersByTime(1000);
    expect(told.at(-1)?.change.jump).toBe(true);
    vi.advanceTimersByTime(3000); // 990 000 → past the present (1 003 000 by then)
    expect(cursor.live).toBe(true);
    expect(told.at(-1)?.change.state.asOf).toBeNull();
  });
});
