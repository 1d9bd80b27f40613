// How many video tiles of one window may decode at once. Every live decode costs CPU (the wall PCs have no
// hardware decoder to speak of), so beyond the budget a tile shows a still frame instead of playing. Each window
// is one surface and loads its own copy of this module, so the module-level budget is the surface's budget.
import { useEffect, useSyncExternalStore } from 'react';

/** Live decodes per surface unless the surface says otherwise: what a 2-core wall PC plays smoothly. */
const DEFAULT_DECODE_BUDGET = 4;

export class DecodeBudget {
  /** Tile ids in the order they asked; the first `limit` of them decode. */
  private readonly claims: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private limit: number) {}

  get size(): number {
    return this.limit;
  }

  setLimit(limit: number): void {
    const next = Math.max(0, Math.floor(limit));
    if (next === this.limit) return;
    this.limit = next;
    this.emit();
  }

  /** Asks for a slot; slots go first come, first served, and a released slot passes to the next in line. */
  claim(id: string): void {
    if (this.claims.includes(id)) return;
    this.claims.push(id);
    this.emit();
  }

  release(id: string): void {
    const at = this.claims.indexOf(id);
    if (at < 0) return;
    this.claims.splice(at, 1);
    this.emit();
  }

  granted(id: string): boolean {
    const at = this.claims.indexOf(id);
    return at >= 0 && at < this.limit;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The budget of the surface in this window. */
export const surfaceDecodeBudget = new DecodeBudget(DEFAULT_DECODE_BUDGET);

/** Holds a place in the surface's budget while mounted; true while this tile may decode. */
export function useDecodeSlot(id: string, budget: DecodeBudget = surfaceDecodeBudget): boolean {
  useEffect(() => {
    budget.claim(id);
    return () => budget.release(id);
  }, [budget, id]);
  return useSyncExternalStore(budget.subscribe, () => budget.granted(id));
}
