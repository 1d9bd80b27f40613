// The page's timers for src/timing (which runs in node and in the page alike, so it is given them).
import type { Timers } from '../../src/timing/rate-coalescer.js';

export const pageTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as number),
};
