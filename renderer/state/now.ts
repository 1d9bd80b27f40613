// One shared one-second clock for every age badge and clock on a page: a single timer, aligned to the second so
// that clocks turn over together, instead of one interval per tile.
import { useSyncExternalStore } from 'react';

let now = Date.now();
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
  timer = setTimeout(tick, 1000 - (now % 1000) + 5);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setTimeout(tick, 1000 - (now % 1000) + 5);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

/** Epoch ms, refreshed every second; `offsetMs` corrects this machine's clock to the host's. */
export function useNow(offsetMs = 0): number {
  return useSyncExternalStore(subscribe, () => now) + offsetMs;
}
